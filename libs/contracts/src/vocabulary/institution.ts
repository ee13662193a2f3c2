/** 用人单位 (enterprise / employer) or 社会培训评价组织 (社评组织, social training evaluation organisation). */
export const INSTITUTION_KINDS = ['employer', 'social-org'] as const;
export type InstitutionKind = (typeof INSTITUTION_KINDS)[number];

/** New filing (新备案) or adding occupations to an institution already filed (增加认定职业). */
export const APPLICATION_KINDS = ['new-filing', 'add-occupation'] as const;
export type ApplicationKind = (typeof APPLICATION_KINDS)[number];

/** Skill levels: 5 = 五级/初级工 … 1 = 一级/高级技师. */
export const SKILL_LEVELS = [5, 4, 3, 2, 1] as const;
export type SkillLevel = (typeof SKILL_LEVELS)[number];

export const SKILL_LEVEL_NAMES: Record<SkillLevel, string> = {
  5: '五级/初级工',
  4: '四级/中级工',
  3: '三级/高级工',
  2: '二级/技师',
  1: '一级/高级技师',
};

/** What the levels are certified against: a national occupational standard or an evaluation norm (评价规范). */
export const STANDARD_BASES = ['national-standard', 'evaluation-norm'] as const;
export type StandardBasis = (typeof STANDARD_BASES)[number];
