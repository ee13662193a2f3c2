// Demo and test expert data for the expert databases (专家库): valid 居民身份证号 (GB 11643 check character), terms
// that cover the demo dates, and occupations covering every occupation the scenarios apply for. Loaded through
// expert-pool's import API (POST /experts/imports) by `npm start` and by the procedure tests.

/** The occupations used by the demo and the end-to-end scenarios (职业分类大典 codes). */
export const DEMO_OCCUPATIONS = {
  lathe: { code: '6-18-01-01', name: '车工', levels: [5, 4, 3], basis: 'national-standard' as const },
  welder: { code: '6-18-02-04', name: '焊工', levels: [5, 4], basis: 'national-standard' as const },
  electrician: { code: '6-31-01-03', name: '电工', levels: [5, 4, 3], basis: 'national-standard' as const },
  childcare: { code: '4-10-01-03', name: '保育师', levels: [4, 3], basis: 'national-standard' as const },
  health: { code: '4-14-02-02', name: '健康管理师', levels: [3, 2], basis: 'national-standard' as const },
};

const CODES = Object.values(DEMO_OCCUPATIONS).map((o) => o.code);

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** A valid, distinct 居民身份证号 for each n ≥ 0 (birth date moves one day per 1000 numbers). */
export function demoIdNumber(n: number, area = '220102'): string {
  const birth = new Date(Date.UTC(1955, 0, 1) + Math.floor(n / 1000) * 86400000).toISOString().slice(0, 10).replace(/-/g, '');
  const first17 = `${area}${birth}${String(n % 1000).padStart(3, '0')}`;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i];
  return first17 + '10X98765432'[sum % 11];
}

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
const GIVEN = ['建国', '秀兰', '志强', '丽娟', '海峰', '晓燕', '立新', '春梅', '国庆', '玉华', '振宇', '红霞'];
const EMPLOYERS = [
  '职业技术学院',
  '技师学院',
  '机械工业学校',
  '装备制造有限公司',
  '电力技能培训中心',
  '卫生职业学院',
  '高级技工学校',
  '轨道客车股份有限公司',
  '化工集团',
  '建设工程学校',
  '商贸职业学院',
  '汽车零部件有限公司',
];

export interface DemoExpert {
  name: string;
  gender: 'male' | 'female';
  idNumber: string;
  employer: { name: string; creditCode?: string };
  title: string;
  occupationCodes: string[];
  region: string;
  contact: { phone: string; email: string };
  termStart: string;
  termEnd: string;
}

/**
 * `count` experts for the database of `level` (a jurisdiction code). Each covers two of the demo occupations and
 * works at an employer of their own. `base` keeps ID numbers distinct across levels and loads.
 */
export function demoExperts(level: string, levelName: string, count = 36, base = 0): DemoExpert[] {
  return Array.from({ length: count }, (_, i) => {
    const n = base + i;
    return {
      name: `${SURNAMES[n % SURNAMES.length]}${GIVEN[Math.floor(n / SURNAMES.length) % GIVEN.length]}`,
      gender: i % 2 ? 'female' : 'male',
      idNumber: demoIdNumber(n, `${level.slice(0, 4)}02`),
      // One employer per expert: a reserve can always take a seat without breaking the one-per-employer cap.
      employer: { name: `${levelName}${EMPLOYERS[i % EMPLOYERS.length]}${i >= EMPLOYERS.length ? `第${Math.floor(i / EMPLOYERS.length) + 1}分公司` : ''}` },
      title: i % 3 ? '高级工程师' : '高级技师',
      occupationCodes: [CODES[i % CODES.length], CODES[(i + 1) % CODES.length]],
      region: level,
      contact: { phone: `139${String(10000000 + (n % 90000000)).slice(0, 8)}`, email: `expert${n}@example.cn` },
      termStart: '2025-01-01',
      termEnd: '2029-12-31',
    };
  });
}

/** Experts who work at the applicant: avoidance (回避, works-at-applicant) must exclude them from its draw. */
export function expertsAtApplicant(level: string, applicant: { name: string; creditCode: string }, base: number, count = 2): DemoExpert[] {
  return Array.from({ length: count }, (_, i) => ({
    name: `${SURNAMES[(base + i) % SURNAMES.length]}${GIVEN[(base + i + 5) % GIVEN.length]}`,
    gender: i % 2 ? 'female' : 'male',
    idNumber: demoIdNumber(base + i, `${level.slice(0, 4)}02`),
    employer: { name: applicant.name, creditCode: applicant.creditCode },
    title: '高级工程师',
    occupationCodes: CODES,
    region: level,
    contact: { phone: '13900000000', email: `staff${base + i}@example.cn` },
    termStart: '2025-01-01',
    termEnd: '2029-12-31',
  }));
}
