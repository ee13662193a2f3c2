import type { OccupationOutcomePart, OccupationPart } from '@filing/contracts';
import { notPassedOccupations, passedOccupations } from './occupation-outcomes';

const lathe: OccupationPart = { code: '6-18-01-01', name: '车工', levels: [5, 4, 3, 2], basis: 'national-standard' };
const welder: OccupationPart = { code: '6-18-02-04', name: '焊工', levels: [5, 4], basis: 'national-standard' };
const outcomes: OccupationOutcomePart[] = [
  { code: lathe.code, name: '车工', result: 'pass', appliedLevels: [5, 4, 3, 2], levels: [5, 4, 3], reason: '二级考评员不足' },
  { code: welder.code, name: '焊工', result: 'fail', appliedLevels: [5, 4], levels: [], reason: '焊接工位不足' },
];

describe('occupations passed by the comprehensive opinion', () => {
  it('approves 车工 at the levels passed and leaves 焊工 out', () => {
    expect(passedOccupations([lathe, welder], outcomes)).toEqual([{ ...lathe, levels: [5, 4, 3] }]);
    expect(notPassedOccupations(outcomes).map((o) => o.name)).toEqual(['焊工']);
  });

  it('keeps every applied occupation when the opinion recorded no outcomes', () => {
    expect(passedOccupations([lathe, welder], undefined)).toEqual([lathe, welder]);
    expect(notPassedOccupations(undefined)).toEqual([]);
  });

  it('tells apart work types (工种) of one occupation code', () => {
    const a = { ...welder, workType: '电焊工' };
    const b = { ...welder, workType: '气焊工' };
    const split: OccupationOutcomePart[] = [
      { code: welder.code, name: '焊工', workType: '电焊工', result: 'fail', appliedLevels: [5, 4], levels: [], reason: '无' },
      { code: welder.code, name: '焊工', workType: '气焊工', result: 'pass', appliedLevels: [5, 4], levels: [5, 4] },
    ];
    expect(passedOccupations([a, b], split)).toEqual([b]);
  });
});
