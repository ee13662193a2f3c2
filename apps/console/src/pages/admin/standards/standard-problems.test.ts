import { describe, expect, it } from 'vitest';
import { readStandardFile, standardProblemText } from './standard-problems';

describe('a refused standard’s problems in Chinese', () => {
  it('says what does not add up', () => {
    expect(standardProblemText('item points add up to 95, not the total 100')).toBe('各项目分值合计 95，与总分 100 不符');
    expect(standardProblemText("item 4 (考评人员): sub-item points add up to 9, not the item's 10")).toBe(
      '项目 4（考评人员）各子项分值合计 9，与该项目分值 10 不符',
    );
    expect(standardProblemText('passLine 120 is outside 0..100 (the total)')).toBe('合格线 120 不在 0 至总分 100 之间');
    expect(standardProblemText('id "4.1" is used twice (item 4 and sub-item 4.1)')).toBe('编号“4.1”重复使用（item 4 与 sub-item 4.1）');
  });

  it('keeps an unknown problem as the service wrote it', () => {
    expect(standardProblemText('items.0.title: title should not be empty')).toBe('items.0.title: title should not be empty');
  });

  it('reads a file as a standard object, or says why not', () => {
    expect(readStandardFile('\uFEFF{"standardId":"x"}').document).toEqual({ standardId: 'x' });
    expect(readStandardFile('{').problem).toMatch(/^文件不是有效的 JSON/);
    expect(readStandardFile('[1]').problem).toMatch(/评估标准对象/);
  });
});
