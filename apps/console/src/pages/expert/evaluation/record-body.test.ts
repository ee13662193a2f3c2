import { describe, expect, it } from 'vitest';
import { recordBody } from './record-body';

describe('a visit-record entry from the form', () => {
  const versionOf = (id: string) => (id === 'mat-1' ? 3 : undefined);

  it('sends only the chosen method’s details, one line per site or person', () => {
    expect(recordBody({ method: '现场查看', itemIds: ['5'], notes: ' 监控齐全 ', sites: '实训车间\n\n 监控室 ', reporter: '不该发送' }, versionOf)).toEqual({
      method: '现场查看',
      itemIds: ['5'],
      notes: '监控齐全',
      sites: ['实训车间', '监控室'],
    });
    expect(recordBody({ method: '访谈咨询', itemIds: ['4'], interviewees: '刘强，考评员\n孙丽,督导员' }, versionOf).interviewees).toEqual([
      { name: '刘强', role: '考评员' },
      { name: '孙丽', role: '督导员' },
    ]);
  });

  it('points at the material’s current version and page', () => {
    expect(recordBody({ method: '听取汇报', itemIds: ['1'], reporter: '王海', materialId: 'mat-1', page: 4 }, versionOf).materials).toEqual([
      { materialId: 'mat-1', version: 3, page: 4 },
    ]);
    expect(recordBody({ method: '听取汇报', itemIds: ['1'], reporter: '王海', materialId: 'unknown' }, versionOf).materials).toBeUndefined();
  });

  it('a spot check carries its result, 符合 unless chosen', () => {
    expect(recordBody({ method: '技术抽查', itemIds: ['3.1'], checkSubject: '题库 20 题' }, versionOf).checks).toEqual([
      { subject: '题库 20 题', result: '符合' },
    ]);
  });
});
