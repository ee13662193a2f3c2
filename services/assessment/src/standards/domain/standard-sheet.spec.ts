import employer from '../data/attachment-1-employer.json';
import { StandardDocument } from './standard';
import { standardFromSheet, standardToSheet, StandardHead } from './standard-sheet';

const head: StandardHead = {
  standardId: 'jl-attachment-1-employer',
  version: '2',
  institutionKind: 'employer',
  title: '企业职业技能等级认定技术评估标准',
  effectiveFrom: '2027-01-01',
  provisional: false,
  provenance: '吉人社规〔2022〕7号 附件1',
  total: 100,
  passLine: 70,
};

describe('a standard entered as a table', () => {
  it('reads back the shipped default from its own table, item by item', () => {
    const shipped = employer as StandardDocument;
    const { document, errors } = standardFromSheet(standardToSheet(shipped), head);
    expect(errors).toEqual([]);
    expect(document!.items).toEqual(shipped.items);
    expect(document!.vetoes).toEqual(shipped.vetoes);
    expect(document!.version).toBe('2');
  });

  it('names every wrong row and cell, and reads nothing of a table with errors', () => {
    const grid = [
      ['类型', '编号', '名称', '分值', '职业相关', '评估方式', '评分办法', '佐证材料'],
      ['子项', '0.1', '没有项目的子项', '2', '', '材料审核', '', ''],
      ['项目', '1', '组织保障', '十五', '也许', '', '', ''],
      ['子项', '1.1', '专职人员', '5', '', '电话', '', ''],
      ['', '', '', '', '', '', '', ''],
      ['附加', '9', '未知', '1', '', '', '', ''],
      ['否决项', '', '提供虚假材料', '', '', '', '', ''],
    ];
    const { document, errors } = standardFromSheet(grid, head);
    expect(document).toBeUndefined();
    expect(errors).toEqual([
      { row: 2, column: '类型', message: '子项之前没有项目：子项属于它上方最近的项目' },
      { row: 3, column: '分值', message: '分值“十五”应为大于 0 的数' },
      { row: 3, column: '职业相关', message: '职业相关“也许”应为 是 或 否' },
      { row: 4, column: '评估方式', message: '评估方式“电话”应为 材料审核 或 现场评估' },
      { row: 6, column: '类型', message: '类型“附加”应为 项目/子项/否决项 之一' },
      { row: 7, column: '编号', message: '请填写编号' },
    ]);
  });

  it('says which header columns are missing', () => {
    const { errors } = standardFromSheet([['类型', '编号', '名称', '分值']], head);
    expect(errors.map((e) => e.column)).toEqual(['职业相关', '评估方式', '评分办法', '佐证材料']);
  });
});
