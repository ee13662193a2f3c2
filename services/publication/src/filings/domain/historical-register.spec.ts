import { parseLevels, validateHistoricalRows } from './historical-register';

const HEADER = ['机构名称', '统一社会信用代码', '机构类型', '管辖', '备案通知文号', '备案日期', '备案编号', '职业编码', '职业名称', '等级'];
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
/** The first 17 characters with their GB 32100 check character. */
const withCheck = (first17: string) => first17 + ALPHABET[(31 - ([...first17].reduce((s, c, i) => s + ALPHABET.indexOf(c) * WEIGHTS[i], 0) % 31)) % 31];
const CODE_A = withCheck('91220101MA0Y3B9X1');
const CODE_B = withCheck('51220000MJY0A1B2C');
const WRONG_CHECK = CODE_A.slice(0, 17) + (CODE_A[17] === '0' ? '1' : '0');

describe('historical register rows (历史备案导入)', () => {
  it('reads levels as digits or names, in any of the usual separators', () => {
    expect(parseLevels('5,4,3')).toEqual([5, 4, 3]);
    expect(parseLevels('五级/初级工、四级/中级工')).toEqual([5, 4]);
    expect(parseLevels('高级技师；技师')).toEqual([2, 1]);
    expect(parseLevels('三级 3')).toEqual([3]);
    expect(parseLevels('六级')).toContain('六级');
  });

  it('groups the rows of one institution (one row per occupation) and merges its occupations', () => {
    const { entries, errors, rows } = validateHistoricalRows(
      [
        HEADER,
        ['长春一汽模具制造有限公司', CODE_A, '用人单位', '220100', '吉人社备〔2021〕3号', '2021-04-12', 'JL-3', '6-18-01-01', '车工', '5,4'],
        ['长春一汽模具制造有限公司', CODE_A, '用人单位', '长春市', '吉人社备〔2021〕3号', '2021-04-12', 'JL-3', '6-18-02-04', '焊工', '3'],
        ['吉林省职业技能评价协会', CODE_B, '社会培训评价组织', '吉林省', '吉人社备〔2020〕9号', '2020-11-30', '', '4-07-05-02', '保育师', '四级'],
        ['', '', '', '', '', '', '', '', '', ''],
      ],
      new Set(),
    );
    expect(errors).toEqual([]);
    expect(rows).toBe(3);
    expect(entries.map((e) => [e.creditCode, e.jurisdiction, e.kind, e.occupations.map((o) => o.code), e.rows])).toEqual([
      [CODE_A, '220100', 'employer', ['6-18-01-01', '6-18-02-04'], [2, 3]],
      [CODE_B, '220000', 'social-org', ['4-07-05-02'], [4]],
    ]);
    expect(entries[1].filingNumber).toBeNull();
  });

  it('names every problem by row and column, and then imports nothing', () => {
    const { entries, errors } = validateHistoricalRows(
      [
        HEADER,
        ['甲', CODE_A, '用人单位', '220100', '吉人社备〔2021〕3号', '2021-04-12', '', '6-18-01-01', '车工', '5'],
        ['甲改名', CODE_A, '用人单位', '220100', '吉人社备〔2021〕3号', '2021-04-12', '', '6-18-01-01', '车工', '4'],
        ['乙', WRONG_CHECK, '学校', '北京', 'x', '2021-02-30', '', '6-18', '车工', ''],
        ['丙', CODE_B, '用人单位', '220100', 'y', '2021-01-01', '', '6-18-01-01', '车工', '5'],
      ],
      new Set([CODE_B]),
    );
    expect(entries).toEqual([]);
    const at = (row: number) => errors.filter((e) => e.row === row).map((e) => e.column);
    expect(at(2)).toEqual([]);
    expect(at(3)).toEqual(['机构名称', '职业编码']); // disagrees with row 2, and repeats its occupation
    expect(at(4)).toEqual(['等级', '统一社会信用代码', '机构类型', '管辖', '备案日期', '职业编码']);
    expect(at(5)).toEqual(['统一社会信用代码']); // already in the register
  });

  it('refuses unknown and missing columns in the header', () => {
    const { errors } = validateHistoricalRows(
      [
        ['机构名', '统一社会信用代码'],
        ['x', CODE_A],
      ],
      new Set(),
    );
    expect(errors.map((e) => [e.row, e.column])).toEqual(
      expect.arrayContaining([
        [1, '机构名'],
        [1, '机构名称'],
        [1, '职业编码'],
      ]),
    );
    expect(validateHistoricalRows([HEADER], new Set()).errors[0].message).toContain('没有数据行');
  });
});
