/** 现场技术评估方式: the on-site methods of procedure §三. */
export const ONSITE_METHODS = ['听取汇报', '现场查看', '访谈咨询', '质询答疑', '技术抽查'] as const;
export type OnsiteMethod = (typeof ONSITE_METHODS)[number];

export interface SubItemScore {
  subItemId: string;
  score: number;
  note?: string;
  /** The material and page the score rests on. */
  material?: { materialId: string; version: number; page?: number };
}

export interface VetoFlag {
  vetoId: string;
  reason: string;
}
