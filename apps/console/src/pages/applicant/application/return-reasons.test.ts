import { describe, expect, it } from 'vitest';
import { itemsNamedIn } from './return-reasons';
import { expectationOf } from './expectation';

const checklist = [
  { item: 'assessor-list', title: '考评员名单', required: true },
  { item: 'sites', title: '场地(地址、面积、产权或租赁、照片、监控布局)', required: true },
  { item: 'question-banks', title: '题库或题库来源说明', required: true },
];

describe('the materials a return asks to correct', () => {
  it('finds items named by title (without its parenthesis), by key, or given explicitly', () => {
    expect([...itemsNamedIn(['考评员名单不全，缺少焊工考评员', '场地照片不清晰'], checklist)].sort()).toEqual(['assessor-list', 'sites']);
    expect([...itemsNamedIn(['see question-banks'], checklist)]).toEqual(['question-banks']);
    expect([...itemsNamedIn([{ item: 'sites', reason: '补充租赁合同' }], checklist)]).toEqual(['sites']);
    expect(itemsNamedIn(['材料需盖章'], checklist).size).toBe(0);
  });
});

describe('what the applicant is expected to do now', () => {
  it('asks for action on a draft and after a return, and otherwise says what the case waits for', () => {
    expect(expectationOf({ status: 'RETURNED', caseStage: 'RETURNED' })).toMatchObject({ actionable: true, short: '按退回意见补正材料后重新提交' });
    expect(expectationOf({ status: 'SUBMITTED', caseStage: 'ONSITE_EVALUATION' })).toMatchObject({
      actionable: false,
      short: '无需操作（等待现场技术评估，请做好迎评准备）',
    });
    expect(expectationOf({ status: 'SUBMITTED', caseStage: null }).short).toBe('无需操作（等待受理单位处理）');
    expect(expectationOf({ status: 'FILED', caseStage: 'FILING_NOTICE_ISSUED' }).actionable).toBe(false);
  });
});
