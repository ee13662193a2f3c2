import { OpinionDocument } from '../../domain/opinion-document';
import { renderOpinionPage } from './opinion-page';

const base: OpinionDocument = {
  opinionId: 'op-1',
  caseId: 'case-1',
  jurisdiction: '220100',
  kind: 'preliminary',
  round: 2,
  result: 'fail',
  summary: '材料不全',
  reasons: ['缺少考评员名单'],
  applicant: { name: '<script>alert(1)</script>长春模具', creditCode: '91220101MA0Y3B9X1K' },
  institutionKind: 'employer',
  applicationKind: 'new-filing',
  occupations: [{ code: '6-18-01-01', name: '车工', levels: [5, 3] }],
  group: { groupId: 'g', leader: { expertId: 'e1', name: '张伟' }, members: [{ expertId: 'e1', name: '张伟', occupationCodes: [] }] },
  standard: { standardId: 's', version: '1', title: '企业职业技能等级认定技术评估标准（默认）', provisional: true, total: 100, passLine: 70 },
  findings: [],
  submittedAt: '2026-11-26T17:00:00Z',
};

describe('opinion pages', () => {
  it('lays out the 初评意见表 in Chinese and escapes every value', () => {
    const html = renderOpinionPage(base);
    expect(html).toContain('<h1>初评意见表</h1>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;长春模具');
    expect(html).not.toContain('<script>');
    expect(html).toContain('☐ 通过　　☑ 不通过');
    expect(html).toContain('第 2 轮');
    expect(html).toContain('五级/初级工、三级/高级工');
    expect(html).toContain('默认标准，待正式附件替换');
    // The date on the form is the China date: 17:00 UTC is already the next day in Beijing.
    expect(html).toContain('2026年11月27日');
  });
});
