import { foldCase, searchable, searchRegister } from './register-search';

type Item = { name: string; creditCode: string };

function entry(
  creditCode: string,
  name: string,
  jurisdiction: string,
  status: string,
  occupations: { code: string; name?: string; workType?: string; levels?: number[] }[],
) {
  return searchable<Item>({ name, creditCode }, { creditCode, name, jurisdiction, status, occupations });
}

// In the register's order (latest notice first, then by name), as the store loads them.
const REGISTER = [
  entry('A', '长春第一汽车技工学校', '220100', 'valid', [
    { code: '6-18-01-01', name: '车工', workType: '数控车工', levels: [5, 4] },
    { code: '4-07-05-02', name: '保育师', levels: [3] },
  ]),
  entry('B', 'ABC职业培训学校', '220200', 'suspended', [{ code: '6-18-02-04', name: '焊工', workType: 'TIG焊', levels: [3, 2] }]),
  entry('C', '吉林100%_实训基地', '220100', 'withdrawn', [{ code: '6-31-01-03', name: '电工', levels: [1] }]),
  entry('D', '四平汽车维修协会', '220300', 'cancelled', [{ code: '4-12-01-01', name: '汽车维修工', levels: [4] }]),
  entry('E', '通化家政有限公司', '220500', 'valid', [{ code: '4-10-01-06' }]),
];
const codes = (q: Parameters<typeof searchRegister>[1]) => searchRegister(REGISTER, q).items.map((i) => i.creditCode);

describe('searchRegister', () => {
  it('shows the entries in force (valid and suspended) unless a status is asked for', () => {
    expect(codes({})).toEqual(['A', 'B', 'E']);
    expect(codes({ status: 'current' })).toEqual(['A', 'B', 'E']);
    expect(codes({ status: 'withdrawn' })).toEqual(['C']);
    expect(codes({ status: 'cancelled' })).toEqual(['D']);
    expect(codes({ status: 'all' })).toEqual(['A', 'B', 'C', 'D', 'E']);
  });

  it('finds a name fragment whatever its case, with % and _ as plain characters', () => {
    expect(codes({ name: '汽车' })).toEqual(['A']);
    expect(codes({ name: '汽车', status: 'all' })).toEqual(['A', 'D']);
    expect(codes({ name: 'abc' })).toEqual(['B']);
    expect(codes({ name: '0%_', status: 'all' })).toEqual(['C']);
    expect(codes({ name: '%', status: 'all' })).toEqual(['C']);
    expect(codes({ name: '_' })).toEqual([]);
  });

  it('filters by city and by exact credit code', () => {
    expect(codes({ city: '220100', status: 'all' })).toEqual(['A', 'C']);
    expect(codes({ creditCode: 'B' })).toEqual(['B']);
    expect(codes({ creditCode: 'C' })).toEqual([]);
  });

  it('finds an occupation by its exact code or part of its name or work type', () => {
    expect(codes({ occupation: '6-18-01-01' })).toEqual(['A']);
    expect(codes({ occupation: '6-18' })).toEqual([]);
    expect(codes({ occupation: '车工' })).toEqual(['A']);
    expect(codes({ occupation: '数控' })).toEqual(['A']);
    expect(codes({ occupation: 'tig' })).toEqual(['B']);
    expect(codes({ occupation: '4-10-01-06' })).toEqual(['E']);
  });

  it('needs one occupation to match both the occupation and the level', () => {
    expect(codes({ occupation: '车工', level: 5 })).toEqual(['A']);
    expect(codes({ occupation: '车工', level: 3 })).toEqual([]);
    expect(codes({ level: 3 })).toEqual(['A', 'B']);
    expect(codes({ level: 1, status: 'all' })).toEqual(['C']);
  });

  it('counts every match and answers the page asked for', () => {
    expect(searchRegister(REGISTER, { status: 'all', page: 2, pageSize: 2 })).toEqual({
      total: 5,
      page: 2,
      pageSize: 2,
      items: [
        { name: '吉林100%_实训基地', creditCode: 'C' },
        { name: '四平汽车维修协会', creditCode: 'D' },
      ],
    });
    expect(searchRegister(REGISTER, { status: 'all', page: 9 })).toEqual({ total: 5, page: 9, pageSize: 20, items: [] });
    expect(searchRegister(REGISTER, {})).toMatchObject({ total: 3, page: 1, pageSize: 20 });
  });
});

describe('foldCase', () => {
  it('lowers each character on its own, as ILIKE does', () => {
    expect(foldCase('ABC Ｆｕｌｌ ΣΟΦΊΑ 汽车')).toBe('abc ｆｕｌｌ σοφία 汽车');
    // 'İ' lowers to two characters in JavaScript: left as it is.
    expect(foldCase('İ')).toBe('İ');
  });
});
