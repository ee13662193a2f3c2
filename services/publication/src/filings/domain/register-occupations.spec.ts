import { mergeOccupations } from './register-occupations';

describe('mergeOccupations', () => {
  it('appends new occupations and joins levels of known ones', () => {
    const existing = [{ code: '6-18-01-01', name: '车工', levels: [5, 4], basis: 'national-standard' as const }];
    const added = [
      { code: '6-18-01-01', name: '车工', levels: [3], basis: 'national-standard' as const },
      { code: '4-07-05-02', name: '保育师', levels: [5], basis: 'national-standard' as const },
    ];
    expect(mergeOccupations(existing, added)).toEqual([
      { code: '6-18-01-01', name: '车工', levels: [5, 4, 3], basis: 'national-standard' },
      { code: '4-07-05-02', name: '保育师', levels: [5], basis: 'national-standard' },
    ]);
    expect(existing[0].levels).toEqual([5, 4]);
  });
});
