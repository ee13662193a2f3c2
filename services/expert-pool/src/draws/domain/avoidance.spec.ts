import { applyAvoidance, AvoidanceCandidate, AvoidanceContext, shiftMonths } from './avoidance';

const APPLICANT = { name: '长春一汽模具制造有限公司', creditCode: '91220101MA0Y3B9X1K' };
const ctx: AvoidanceContext = { applicant: APPLICANT, databaseLevel: '220100', today: '2026-11-26', formerEmployerYears: 3, recentServiceMonths: 24 };

function expert(id: string, over: Partial<AvoidanceCandidate> = {}): AvoidanceCandidate {
  return {
    id,
    level: '220100',
    status: 'active',
    termStart: '2025-01-01',
    termEnd: '2028-12-31',
    employer: { name: `吉林大学${id}`, creditCode: null },
    formerEmployers: [],
    declaredConflicts: [],
    relativesEmployers: [],
    serviceHistory: [],
    ...over,
  };
}

describe('avoidance (回避)', () => {
  const candidates = [
    expert('clean'),
    expert('suspended', { status: 'suspended' }),
    expert('removed', { status: 'removed' }),
    expert('expired', { termEnd: '2026-06-30' }),
    expert('province', { level: '220000' }),
    expert('staff-by-code', { employer: { name: '一汽模具', creditCode: APPLICANT.creditCode } }),
    expert('staff-by-name', { employer: { name: ' 长春一汽模具制造有限公司 ' } }),
    expert('left-2024', { formerEmployers: [{ name: '长春一汽模具制造有限公司', to: '2024-03-31' }] }),
    expert('left-2020', { formerEmployers: [{ name: '长春一汽模具制造有限公司', to: '2020-03-31' }] }),
    expert('shareholder', { declaredConflicts: [{ name: 'x', creditCode: APPLICANT.creditCode, from: '2019-01-01', nature: 'shares' }] }),
    expert('relative', { relativesEmployers: [{ name: '长春一汽模具制造有限公司', relation: 'spouse' }] }),
    expert('served-2025', { serviceHistory: [{ caseId: 'c-old', applicantName: 'x', applicantCreditCode: APPLICANT.creditCode, servedOn: '2025-05-01' }] }),
    expert('served-2023', { serviceHistory: [{ caseId: 'c-older', applicantName: 'x', applicantCreditCode: APPLICANT.creditCode, servedOn: '2023-05-01' }] }),
    expert('other-firm', { formerEmployers: [{ name: '吉林化纤股份有限公司', to: '2026-01-01' }], relativesEmployers: [{ name: '吉林化纤股份有限公司' }] }),
    expert('two-rules', { status: 'suspended', employer: { name: 'x', creditCode: APPLICANT.creditCode } }),
  ];
  const result = applyAvoidance(candidates, ctx);
  const rulesOf = (id: string) => result.excluded.find((e) => e.expertId === id)?.hits.map((h) => h.rule);

  it('excludes exactly the conflicted experts', () => {
    expect(result.eligible.map((e) => e.id).sort()).toEqual(['clean', 'left-2020', 'other-firm', 'served-2023'].sort());
    expect(result.excluded).toHaveLength(candidates.length - 4);
  });

  it('records the right rule for each excluded expert', () => {
    expect(rulesOf('suspended')).toEqual(['not-active']);
    expect(rulesOf('removed')).toEqual(['not-active']);
    expect(rulesOf('expired')).toEqual(['out-of-term']);
    expect(rulesOf('province')).toEqual(['wrong-level']);
    expect(rulesOf('staff-by-code')).toEqual(['works-at-applicant']);
    expect(rulesOf('staff-by-name')).toEqual(['works-at-applicant']);
    expect(rulesOf('left-2024')).toEqual(['worked-at-applicant-recently']);
    expect(rulesOf('shareholder')).toEqual(['declared-conflict']);
    expect(rulesOf('relative')).toEqual(['relative-at-applicant']);
    expect(rulesOf('served-2025')).toEqual(['recently-served-applicant']);
    expect(rulesOf('two-rules')).toEqual(['not-active', 'works-at-applicant']);
  });

  it('says why in words', () => {
    const hit = result.excluded.find((e) => e.expertId === 'staff-by-code')!.hits[0];
    expect(hit.detail).toContain('credit code');
    expect(result.excluded.find((e) => e.expertId === 'left-2024')!.hits[0].detail).toContain('2024-03-31');
  });

  it('shifts dates by months, clamping month ends', () => {
    expect(shiftMonths('2026-11-26', -36)).toBe('2023-11-26');
    expect(shiftMonths('2024-03-31', -1)).toBe('2024-02-29');
    expect(shiftMonths('2026-01-15', -13)).toBe('2024-12-15');
  });
});
