import { decideNoticeOutcome } from './notice-outcome';

const occ = (code: string) => ({ code, name: code, levels: [5], basis: 'national-standard' as const });

describe('notice outcome', () => {
  const occupations = [occ('6-18-01-01'), occ('4-07-05-02')];

  it('no objections → no-objection, all occupations', () => {
    expect(decideNoticeOutcome(occupations, [])).toEqual({ outcome: 'no-objection', remainingOccupations: occupations });
  });

  it('all dismissed → objections-dismissed', () => {
    expect(decideNoticeOutcome(occupations, [{ status: 'dismissed', scope: null, struckOccupationCodes: [] }]).outcome).toBe('objections-dismissed');
  });

  it('upheld for the whole case → objection-upheld', () => {
    const r = decideNoticeOutcome(occupations, [
      { status: 'dismissed', scope: null, struckOccupationCodes: [] },
      { status: 'upheld', scope: 'whole-case', struckOccupationCodes: [] },
    ]);
    expect(r).toEqual({ outcome: 'objection-upheld', remainingOccupations: [] });
  });

  it('upheld for one occupation → occupations-struck with the rest', () => {
    const r = decideNoticeOutcome(occupations, [{ status: 'upheld', scope: 'occupations', struckOccupationCodes: ['4-07-05-02'] }]);
    expect(r).toEqual({ outcome: 'occupations-struck', remainingOccupations: [occupations[0]] });
  });

  it('every occupation struck → objection-upheld', () => {
    const r = decideNoticeOutcome(occupations, [
      { status: 'upheld', scope: 'occupations', struckOccupationCodes: ['4-07-05-02'] },
      { status: 'upheld', scope: 'occupations', struckOccupationCodes: ['6-18-01-01'] },
    ]);
    expect(r.outcome).toBe('objection-upheld');
  });
});
