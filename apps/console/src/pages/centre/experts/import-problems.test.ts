import { describe, expect, it } from 'vitest';
import { rowProblemText } from './import-problems';

describe('an import row’s problems in Chinese', () => {
  it('names the template’s column and says what is wrong', () => {
    expect(rowProblemText('region: region must be a known jurisdiction code')).toBe('所在地区：不是有效的行政区划代码');
    expect(rowProblemText('idNumber: already in the 220100 database')).toBe('身份证号：该专家已在本级专家库中');
    expect(rowProblemText('idNumber: the same person is already in row 2 of this file')).toBe('身份证号：与本文件第 2 行为同一人');
    expect(rowProblemText('contact.phone: contact.phone must be a phone number')).toBe('联系电话：不是有效的电话号码');
    expect(rowProblemText('formerEmployers.0.to: to must be a valid ISO 8601 date string')).toBe('曾任职单位：日期格式应为 YYYY-MM-DD');
    expect(rowProblemText('idNumber: idNumber check character does not match (GB 11643)')).toBe('身份证号：校验码不符，号码有误');
    expect(rowProblemText('title or skillLevel: one of them is required')).toBe('职称与职业技能等级至少填写一项');
  });

  it('keeps the service’s words for a problem it does not know, after the column', () => {
    expect(rowProblemText('name: something new')).toBe('姓名：something new');
    expect(rowProblemText('has 3 columns, the header has 5')).toBe('该行有 3 列，表头有 5 列');
  });
});
