import { Column, Entity, PrimaryColumn } from 'typeorm';

/** 现场技术评估方式: the on-site methods of procedure §三. */
export const ONSITE_METHODS = ['听取汇报', '现场查看', '访谈咨询', '质询答疑', '技术抽查'] as const;
export type OnsiteMethod = (typeof ONSITE_METHODS)[number];

export interface SubItemScore {
  subItemId: string;
  score: number;
  note?: string;
}

export interface VetoFlag {
  vetoId: string;
  reason: string;
}

/** One member's on-site score sheet (评分表). Private to its member while a draft; immutable once submitted. */
@Entity({ name: 'score_sheet' })
export class ScoreSheet {
  @PrimaryColumn('uuid') id!: string;
  @Column('text', { name: 'case_id' }) caseId!: string;
  @Column('text', { name: 'expert_id' }) expertId!: string;
  @Column('text') status!: 'draft' | 'submitted';
  @Column('jsonb') scores!: SubItemScore[];
  @Column('jsonb') vetoes!: VetoFlag[];
  @Column('jsonb') methods!: OnsiteMethod[];
  @Column('text', { name: 'evidence_note' }) evidenceNote!: string;
  @Column('timestamptz', { name: 'saved_at' }) savedAt!: Date;
  @Column('timestamptz', { name: 'submitted_at', nullable: true }) submittedAt!: Date | null;
}
