import { NOTIFICATION_KINDS } from '@filing/contracts';
import { chineseDate, chineseDateTime } from './chinese-date';
import { backoffMs, channelsFor, maskEmail, scrubAddresses } from './channels';
import { recipientIdsOf, preferenceIdOf } from './recipients';
import { missingParams, renderNotice } from './templates';

describe('notice templates', () => {
  const caseId = '0b8f6f4e-3f5a-4c1e-9a59-1c2d3e4f5a6b';
  const url = `https://jl-filing.example.cn/expert/draws/d-1`;

  it('writes dates as a Chinese notice does, in China time', () => {
    expect(chineseDate('2025-09-29')).toBe('2025年9月29日');
    // 16:30 UTC is already the next day in China.
    expect(chineseDate('2025-09-29T16:30:00.000Z')).toBe('2025年9月30日');
    expect(chineseDateTime('2025-09-29T06:05:00.000Z')).toBe('2025年9月29日 14:05');
    expect(chineseDate('下周一')).toBe('下周一');
  });

  it('tells the applicant of the on-site evaluation ahead and of an objection against its notice, never who objected', () => {
    const onsite = renderNotice('onsite-evaluation-due', { caseId, name: '某学校', params: { institution: '某学校', enteredAt: '2025-09-29T02:00:00Z' }, url });
    expect(onsite.title).toBe('进入现场技术评估：某学校');
    expect(onsite.body).toContain('某学校的备案申报已于2025年9月29日通过初评，进入现场技术评估阶段。');
    const received = renderNotice('notice-objection-received', {
      caseId,
      name: '某学校',
      params: { institution: '某学校', receiptNumber: 'YY-1', receivedAt: '2025-10-09T02:00:00Z' },
      url,
    });
    expect(received.title).toBe('公示期收到异议：某学校');
    expect(received.body).toContain('某学校的备案公示于2025年10月9日收到一件实名异议（回执编号YY-1）。');
    const decided = renderNotice('notice-objection-decided', {
      caseId,
      name: '某学校',
      params: { institution: '某学校', outcome: 'dismissed', decidedAt: '2025-10-10T02:00:00Z', reason: '经核实不成立。' },
      url,
    });
    expect(decided.body).toContain('某学校备案公示期间收到的异议已于2025年10月10日处理完毕，结论：异议不成立。');
    expect(decided.body).toContain('理由：经核实不成立。');
    expect(missingParams('notice-objection-decided', { institution: '某学校' })).toEqual(['outcome', 'decidedAt', 'reason']);
  });

  it('renders an invitation with the institution, the confirm-by time, the case number and the link', () => {
    const n = renderNotice('expert-invited', {
      caseId,
      name: '王建国 专家',
      params: { institution: '长春一汽模具制造有限公司', drawnAt: '2025-09-29T02:00:00Z', confirmBy: '2025-10-01T02:00:00Z' },
      url,
    });
    expect(n.title).toBe('专家抽取邀请：长春一汽模具制造有限公司技术评估');
    expect(n.body.split('\n')[0]).toBe('王建国 专家：');
    expect(n.body).toContain('2025年9月29日 10:00被抽取为长春一汽模具制造有限公司职业技能等级认定机构备案技术评估专家组成员');
    expect(n.body).toContain('请于2025年10月1日 10:00前登录系统确认');
    expect(n.body).toContain(`案件编号：${caseId}`);
    expect(n.body).toContain(url);
    expect(n.sms).toEqual({
      templateId: 'FILING_EXPERT_INVITED',
      params: { name: '王建国 专家', institution: '长春一汽模具制造有限公司', deadline: '2025年10月1日 10:00' },
    });
  });

  it('lists the returned items one per line', () => {
    const n = renderNotice('materials-returned', {
      caseId,
      params: { institution: '某学校', returnedAt: '2025-09-29', reasons: '缺少场地证明\n考评员名单不全' },
      url,
    });
    expect(n.body).toContain('1. 缺少场地证明\n2. 考评员名单不全');
  });

  it('tells an objector the outcome with the reasons, and where to look it up without an account', () => {
    const n = renderNotice('objection-decided', {
      caseId,
      name: '张三',
      params: {
        institution: '某学校',
        receiptNumber: 'YY-20251009-ABCD',
        outcome: 'dismissed',
        decidedAt: '2025-10-09T02:00:00Z',
        reason: '经核查，场地符合要求。',
      },
      url: 'https://jl-filing.example.cn/objections/YY-20251009-ABCD',
    });
    expect(n.title).toBe('异议处理结果：某学校公示');
    expect(n.body).toContain('已于2025年10月9日处理完毕，结论：异议不成立。');
    expect(n.body).toContain('理由：经核查，场地符合要求。');
    expect(n.body).toContain('查询处理结果：https://jl-filing.example.cn/objections/YY-20251009-ABCD');
    expect(n.body).not.toContain('请登录');
    expect(n.sms).toEqual({ templateId: 'FILING_OBJECTION_DECIDED', params: { institution: '某学校', receipt: 'YY-20251009-ABCD', outcome: '异议不成立' } });
  });

  it("tells a queue's role what arrived and what to do: a case to accept, a re-check decided with its reasons", () => {
    const queued = renderNotice('case-in-queue', { caseId, params: { institution: '某学校', stage: 'APPROVAL', arrivedAt: '2025-10-09T02:00:00Z' }, url });
    expect(queued.title).toBe('待审定：某学校');
    expect(queued.body).toContain('2025年10月9日 10:00进入您的待办（待审定）');
    const decided = renderNotice('recheck-decided', {
      caseId,
      params: { institution: '某学校', gate: 'comprehensive', decision: 'return-to-group', decidedAt: '2025-10-09', reason: '评分依据不足' },
      url,
    });
    expect(decided.body).toContain('综合技术评估意见已于2025年10月9日经省职业技能鉴定中心复核，结论：退回专家组重新评议。');
    expect(decided.body).toContain('理由：评分依据不足');
  });

  it('tells a queue its case is overdue (督办), and experts what the on-site evaluation asks and what the group submitted', () => {
    const overdue = renderNotice('case-overdue', {
      caseId,
      params: { institution: '某学校', stage: 'SUBMITTED', dueDate: '2025-10-09', limitWorkingDays: '5' },
      url,
    });
    expect(overdue.title).toBe('督办：某学校受理已超期');
    expect(overdue.body).toContain('受理环节办理时限已于2025年10月9日届满（5个工作日），尚未办结。');
    const due = renderNotice('score-sheet-due', {
      caseId,
      name: '王建国 专家',
      params: { institution: '某学校', openedAt: '2025-10-08T17:30:00Z' },
      url,
    });
    expect(due.title).toBe('现场技术评估开始：某学校');
    expect(due.body).toContain('已于2025年10月9日进入现场技术评估阶段。');
    expect(due.body).toContain('提交评分表');
    expect(due.sms.templateId).toBe('FILING_SCORE_SHEET_DUE');
    const submitted = renderNotice('opinions-submitted', {
      caseId,
      params: { institution: '某学校', opinionKind: 'comprehensive', result: 'pass', submittedAt: '2025-10-09T02:00:00Z' },
      url,
    });
    expect(submitted.title).toBe('专家组已提交综合技术评估意见：某学校');
    expect(submitted.body).toContain('于2025年10月9日 10:00提交综合技术评估意见，结论：通过。');
  });

  it('names what a request lacks, for every kind', () => {
    for (const kind of NOTIFICATION_KINDS) expect(missingParams(kind, {}).length).toBeGreaterThan(0);
    expect(missingParams('filing-issued', { institution: 'x', noticeNumber: '吉人社备〔2025〕1号', noticeDate: ' ' })).toEqual(['noticeDate']);
  });
});

describe('channels', () => {
  const base = { email: 'zhang.san@example.cn', mobile: '13912345678', jurisdictionOff: false, configured: ['email', 'sms'] as const };

  it('uses every channel the person has an address for, unless they chose otherwise', () => {
    expect(channelsFor({ ...base }).map((c) => c.channel)).toEqual(['email', 'sms']);
    expect(channelsFor({ ...base, preferred: ['sms'] }).map((c) => c.channel)).toEqual(['sms']);
    expect(channelsFor({ ...base, preferred: [] })).toEqual([]);
    expect(channelsFor({ ...base, mobile: undefined }).map((c) => c.channel)).toEqual(['email']);
  });

  it('sends nothing outside the inbox where the jurisdiction switched it off or the deployment has no channel', () => {
    expect(channelsFor({ ...base, jurisdictionOff: true })).toEqual([]);
    expect(channelsFor({ ...base, configured: ['sms'] }).map((c) => c.channel)).toEqual(['sms']);
  });

  it('backs off by doubling, up to the cap', () => {
    expect([1, 2, 3, 4, 10].map((n) => backoffMs(n, 100, 500))).toEqual([100, 200, 400, 500, 500]);
  });

  it('masks addresses, also inside a provider error', () => {
    expect(maskEmail('zhang.san@example.cn')).toBe('zh*******@example.cn');
    expect(scrubAddresses('550 5.1.1 <zhang.san@example.cn>: mailbox unavailable; sms 13912345678 refused')).toBe(
      '550 5.1.1 <zh*******@example.cn>: mailbox unavailable; sms 139****5678 refused',
    );
  });
});

describe('recipients', () => {
  it('reads the notices of the account, the institution, the expert record and the roles where they hold them', () => {
    expect(recipientIdsOf({ sub: 'u1', roles: ['applicant'], jurisdiction: '220100', creditCode: '91220101MA0Y3B9X18' })).toEqual([
      'subject:u1',
      'institution:91220101MA0Y3B9X18',
    ]);
    expect(recipientIdsOf({ sub: 'u2', roles: ['expert'], jurisdiction: '220000', expertId: 'e-1' })).toEqual(['subject:u2', 'expert:e-1']);
    expect(recipientIdsOf({ sub: 'u3', roles: ['center-staff'], jurisdiction: '220100' })).toEqual(['subject:u3', 'role:center-staff@220100']);
    // A claim without the role that goes with it names nobody.
    expect(recipientIdsOf({ sub: 'u4', roles: ['center-staff'], jurisdiction: '220100', expertId: 'e-1' })).not.toContain('expert:e-1');
    expect(preferenceIdOf({ sub: 'u2', roles: ['expert'], jurisdiction: '220000', expertId: 'e-1' })).toBe('expert:e-1');
  });
});
