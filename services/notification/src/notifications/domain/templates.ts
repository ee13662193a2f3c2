// The Chinese text of each kind of notice: a title (the mail's subject, the inbox line), the body, and the SMS
// gateway's template id with the parameters it is filled with (Chinese SMS gateways send only registered templates).
import type { NotificationKind } from '@filing/contracts';
import { chineseDate, chineseDateTime } from './chinese-date';

export interface RenderedNotice {
  title: string;
  body: string;
  sms: { templateId: string; params: Record<string, string> };
}

interface Template {
  /** Parameters the request must carry. */
  needs: string[];
  title: (p: Params) => string;
  lines: (p: Params) => string[];
  sms: { templateId: string; params: (p: Params) => Record<string, string> };
  /** The line with the link, when the person has no account to sign in with (an objector reads a public page). */
  linkLine?: (url: string) => string;
}

type Params = Record<string, string> & { caseId: string; name: string };

const APPROVAL_BODY: Record<string, string> = { 'local-hrss-bureau': '当地人社部门', 'director-office-meeting': '厅长办公会' };
const REPLACED_BECAUSE: Record<string, string> = { declined: '您已谢绝本次邀请', recused: '您已回避' };
const OBJECTION_OUTCOME: Record<string, string> = { upheld: '异议成立', dismissed: '异议不成立' };
const QUEUE_OF_STAGE: Record<string, { what: string; todo: string }> = {
  SUBMITTED: { what: '待受理', todo: '请在规定时限内审核申报材料，作出受理或不予受理的决定。' },
  APPROVAL: { what: '待审定', todo: '技术评估已完成，请审定评估结果。' },
};
/** The stages with a time limit (办理时限), as a 督办 notice names them. */
const STAGE_STEP: Record<string, string> = {
  SUBMITTED: '受理',
  ACCEPTED: '制定工作方案',
  EXPERT_GROUP_REQUESTED: '抽取专家、组建专家组',
  GROUP_FORMED: '召开专家组会议、推选组长',
  PRELIMINARY_REVIEW: '材料初审',
  PROVINCIAL_RECHECK_PRELIMINARY: '省级复核（初评意见）',
  ONSITE_EVALUATION: '现场技术评估',
  COMPREHENSIVE_REVIEW: '综合评审',
  PROVINCIAL_RECHECK_COMPREHENSIVE: '省级复核（综合技术评估意见）',
  APPROVAL: '审定',
};
const OPINION_KIND: Record<string, string> = { preliminary: '初评意见', technical: '技术评估意见', comprehensive: '综合技术评估意见' };
const OPINION_RESULT: Record<string, string> = { pass: '通过', fail: '不通过' };
const GATE: Record<string, string> = { preliminary: '初评意见', comprehensive: '综合技术评估意见' };
const RECHECK_DECISION: Record<string, string> = { pass: '复核通过', fail: '复核不通过', 'return-to-group': '退回专家组重新评议' };

const TEMPLATES: Record<NotificationKind, Template> = {
  'application-received': {
    needs: ['institution', 'submittedAt'],
    title: (p) => `备案申报已提交：${p.institution}`,
    lines: (p) => [`${p.institution}的职业技能等级认定机构备案申报已于${chineseDate(p.submittedAt)}提交，等待职业技能鉴定中心受理。`],
    sms: { templateId: 'FILING_APPLICATION_RECEIVED', params: (p) => ({ institution: p.institution, date: chineseDate(p.submittedAt) }) },
  },
  'application-accepted': {
    needs: ['institution', 'acceptedAt'],
    title: (p) => `备案申报已受理：${p.institution}`,
    lines: (p) => [`${p.institution}的备案申报已于${chineseDate(p.acceptedAt)}受理，下一步将组织技术评估专家组进行初评。`],
    sms: { templateId: 'FILING_APPLICATION_ACCEPTED', params: (p) => ({ institution: p.institution, date: chineseDate(p.acceptedAt) }) },
  },
  'application-not-accepted': {
    needs: ['institution', 'decidedAt', 'reason'],
    title: (p) => `备案申报不予受理：${p.institution}`,
    lines: (p) => [`${p.institution}的备案申报于${chineseDate(p.decidedAt)}决定不予受理。`, `理由：${p.reason}`],
    sms: { templateId: 'FILING_APPLICATION_NOT_ACCEPTED', params: (p) => ({ institution: p.institution, date: chineseDate(p.decidedAt) }) },
  },
  'materials-returned': {
    needs: ['institution', 'returnedAt', 'reasons'],
    title: (p) => `申报材料退回：${p.institution}`,
    lines: (p) => [
      `${p.institution}的申报材料于${chineseDate(p.returnedAt)}退回，请按以下事项补正后重新提交：`,
      ...p.reasons.split('\n').map((r, i) => `${i + 1}. ${r}`),
      ...(p.resubmitBy ? [`请于${chineseDate(p.resubmitBy)}前重新提交。`] : []),
    ],
    sms: { templateId: 'FILING_MATERIALS_RETURNED', params: (p) => ({ institution: p.institution, date: chineseDate(p.returnedAt) }) },
  },
  'approved-under-notice': {
    needs: ['institution', 'approvedAt', 'approvalBody'],
    title: (p) => `评估结果已审定，即将公示：${p.institution}`,
    lines: (p) => [
      `${p.institution}的技术评估结果已于${chineseDate(p.approvedAt)}经${APPROVAL_BODY[p.approvalBody] ?? p.approvalBody}审定通过，将在吉林省人力资源和社会保障厅网站公示5个工作日。`,
    ],
    sms: { templateId: 'FILING_APPROVED_UNDER_NOTICE', params: (p) => ({ institution: p.institution, date: chineseDate(p.approvedAt) }) },
  },
  'onsite-evaluation-due': {
    needs: ['institution', 'enteredAt'],
    title: (p) => `进入现场技术评估：${p.institution}`,
    lines: (p) => [
      `${p.institution}的备案申报已于${chineseDate(p.enteredAt)}通过初评，进入现场技术评估阶段。`,
      '专家组将到现场听取汇报、查看场所、访谈、问答和抽查，请做好准备；现场评估的日期和地点由专家组另行商定。',
    ],
    sms: { templateId: 'FILING_ONSITE_EVALUATION_DUE', params: (p) => ({ institution: p.institution, date: chineseDate(p.enteredAt) }) },
  },
  'notice-objection-received': {
    needs: ['institution', 'receiptNumber', 'receivedAt'],
    title: (p) => `公示期收到异议：${p.institution}`,
    lines: (p) => [
      `${p.institution}的备案公示于${chineseDate(p.receivedAt)}收到一件实名异议（回执编号${p.receiptNumber}）。`,
      '鉴定中心将调查核实并作出处理结论，其间可能与贵单位联系核实情况；结论作出后另行告知。',
    ],
    sms: { templateId: 'FILING_NOTICE_OBJECTION_RECEIVED', params: (p) => ({ institution: p.institution, receipt: p.receiptNumber }) },
  },
  'notice-objection-decided': {
    needs: ['institution', 'outcome', 'decidedAt', 'reason'],
    title: (p) => `公示异议处理结果：${p.institution}`,
    lines: (p) => [
      `${p.institution}备案公示期间收到的异议${p.receiptNumber ? `（回执编号${p.receiptNumber}）` : ''}已于${chineseDate(p.decidedAt)}处理完毕，结论：${OBJECTION_OUTCOME[p.outcome] ?? p.outcome}。`,
      `理由：${p.reason}`,
    ],
    sms: {
      templateId: 'FILING_NOTICE_OBJECTION_DECIDED',
      params: (p) => ({ institution: p.institution, outcome: OBJECTION_OUTCOME[p.outcome] ?? p.outcome }),
    },
  },
  'filing-issued': {
    needs: ['institution', 'noticeNumber', 'noticeDate'],
    title: (p) => `备案通知已印发：${p.institution}`,
    lines: (p) => [
      `${p.institution}的职业技能等级认定机构备案通知（${p.noticeNumber}）已于${chineseDate(p.noticeDate)}印发。`,
      ...(p.filingNumber ? [`备案编号：${p.filingNumber}`] : []),
    ],
    sms: { templateId: 'FILING_NOTICE_ISSUED', params: (p) => ({ institution: p.institution, number: p.noticeNumber }) },
  },
  'not-passed': {
    needs: ['institution', 'decidedAt', 'reason'],
    title: (p) => `备案评估未通过：${p.institution}`,
    lines: (p) => [`${p.institution}的备案评估于${chineseDate(p.decidedAt)}结束，未予备案。`, `理由：${p.reason}`],
    sms: { templateId: 'FILING_NOT_PASSED', params: (p) => ({ institution: p.institution, date: chineseDate(p.decidedAt) }) },
  },
  'expert-invited': {
    needs: ['institution', 'drawnAt', 'confirmBy'],
    title: (p) => `专家抽取邀请：${p.institution}技术评估`,
    lines: (p) => [
      `您于${chineseDateTime(p.drawnAt)}被抽取为${p.institution}职业技能等级认定机构备案技术评估专家组成员。`,
      `请于${chineseDateTime(p.confirmBy)}前登录系统确认参加或说明理由谢绝；与申报单位存在利害关系的，请申请回避。`,
    ],
    sms: {
      templateId: 'FILING_EXPERT_INVITED',
      params: (p) => ({ name: p.name, institution: p.institution, deadline: chineseDateTime(p.confirmBy) }),
    },
  },
  'expert-replaced': {
    needs: ['institution', 'replacedAt', 'because'],
    title: (p) => `专家组成员调整：${p.institution}技术评估`,
    lines: (p) => [
      `${REPLACED_BECAUSE[p.because] ?? '您已不在本专家组'}，${p.institution}技术评估专家组已于${chineseDateTime(p.replacedAt)}由候补专家递补，无需再参加本次评估。`,
    ],
    sms: { templateId: 'FILING_EXPERT_REPLACED', params: (p) => ({ name: p.name, institution: p.institution }) },
  },
  'group-kicked-off': {
    needs: ['institution', 'kickedOffAt'],
    title: (p) => `专家组会议召开：${p.institution}技术评估`,
    lines: (p) => [`${p.institution}技术评估专家组于${chineseDateTime(p.kickedOffAt)}召开专家组会议，明确评估要求、统一评估标准，请登录系统推选组长。`],
    sms: { templateId: 'FILING_GROUP_KICKED_OFF', params: (p) => ({ name: p.name, institution: p.institution }) },
  },
  'leader-elected': {
    needs: ['institution', 'leaderName', 'electedAt'],
    title: (p) => `专家组组长已推选：${p.institution}技术评估`,
    lines: (p) => [`${p.institution}技术评估专家组已于${chineseDateTime(p.electedAt)}推选${p.leaderName}为组长，请按工作方案开展初评。`],
    sms: { templateId: 'FILING_LEADER_ELECTED', params: (p) => ({ name: p.name, institution: p.institution, leader: p.leaderName }) },
  },
  'score-sheet-due': {
    needs: ['institution', 'openedAt'],
    title: (p) => `现场技术评估开始：${p.institution}`,
    lines: (p) => [
      `${p.institution}的备案案件已于${chineseDate(p.openedAt)}进入现场技术评估阶段。`,
      '请按工作方案参加现场评估，对照评估标准逐项评分，评估结束后及时在系统中提交评分表。',
    ],
    sms: { templateId: 'FILING_SCORE_SHEET_DUE', params: (p) => ({ name: p.name, institution: p.institution, date: chineseDate(p.openedAt) }) },
  },
  'opinions-submitted': {
    needs: ['institution', 'opinionKind', 'result', 'submittedAt'],
    title: (p) => `专家组已提交${OPINION_KIND[p.opinionKind] ?? '评估意见'}：${p.institution}`,
    lines: (p) => [
      `${p.institution}技术评估专家组已于${chineseDateTime(p.submittedAt)}提交${OPINION_KIND[p.opinionKind] ?? p.opinionKind}，结论：${OPINION_RESULT[p.result] ?? p.result}。`,
      '感谢您参与本次技术评估。',
    ],
    sms: {
      templateId: 'FILING_OPINIONS_SUBMITTED',
      params: (p) => ({ name: p.name, institution: p.institution, opinion: OPINION_KIND[p.opinionKind] ?? p.opinionKind }),
    },
  },
  'objection-received': {
    needs: ['institution', 'receiptNumber', 'receivedAt'],
    title: (p) => `异议已受理：${p.institution}公示`,
    lines: (p) => [
      `您对${p.institution}职业技能等级认定机构备案公示提出的异议已于${chineseDateTime(p.receivedAt)}收到，回执编号${p.receiptNumber}。`,
      '职业技能鉴定中心将进行调查核实，处理结果将告知您；您也可凭回执编号查询处理进度。',
    ],
    linkLine: (url) => `查询处理进度：${url}`,
    sms: {
      templateId: 'FILING_OBJECTION_RECEIVED',
      params: (p) => ({ institution: p.institution, receipt: p.receiptNumber, date: chineseDate(p.receivedAt) }),
    },
  },
  'objection-decided': {
    needs: ['institution', 'receiptNumber', 'outcome', 'decidedAt', 'reason'],
    title: (p) => `异议处理结果：${p.institution}公示`,
    lines: (p) => [
      `您对${p.institution}职业技能等级认定机构备案公示提出的异议（回执编号${p.receiptNumber}）已于${chineseDate(p.decidedAt)}处理完毕，结论：${OBJECTION_OUTCOME[p.outcome] ?? p.outcome}。`,
      `理由：${p.reason}`,
    ],
    linkLine: (url) => `查询处理结果：${url}`,
    sms: {
      templateId: 'FILING_OBJECTION_DECIDED',
      params: (p) => ({ institution: p.institution, receipt: p.receiptNumber, outcome: OBJECTION_OUTCOME[p.outcome] ?? p.outcome }),
    },
  },
  // Role recipients (centre staff, approvers) read these in the console inbox only; the SMS ids are kept for completeness.
  'case-in-queue': {
    needs: ['institution', 'stage', 'arrivedAt'],
    title: (p) => `${QUEUE_OF_STAGE[p.stage]?.what ?? '待办'}：${p.institution}`,
    lines: (p) => [
      `${p.institution}的备案案件于${chineseDateTime(p.arrivedAt)}进入您的待办（${QUEUE_OF_STAGE[p.stage]?.what ?? p.stage}）。`,
      ...(QUEUE_OF_STAGE[p.stage] ? [QUEUE_OF_STAGE[p.stage].todo] : []),
    ],
    sms: { templateId: 'FILING_CASE_IN_QUEUE', params: (p) => ({ institution: p.institution, what: QUEUE_OF_STAGE[p.stage]?.what ?? '待办' }) },
  },
  'recheck-queued': {
    needs: ['institution', 'gate', 'requestedAt'],
    title: (p) => `待复核：${p.institution}${GATE[p.gate] ?? ''}`,
    lines: (p) => [`${p.institution}的${GATE[p.gate] ?? p.gate}于${chineseDateTime(p.requestedAt)}报省级复核，请审核后作出复核决定。`],
    sms: { templateId: 'FILING_RECHECK_QUEUED', params: (p) => ({ institution: p.institution, gate: GATE[p.gate] ?? p.gate }) },
  },
  'recheck-decided': {
    needs: ['institution', 'gate', 'decision', 'decidedAt', 'reason'],
    title: (p) => `省级复核结果：${p.institution}`,
    lines: (p) => [
      `${p.institution}的${GATE[p.gate] ?? p.gate}已于${chineseDate(p.decidedAt)}经省职业技能鉴定中心复核，结论：${RECHECK_DECISION[p.decision] ?? p.decision}。`,
      `理由：${p.reason}`,
    ],
    sms: { templateId: 'FILING_RECHECK_DECIDED', params: (p) => ({ institution: p.institution, decision: RECHECK_DECISION[p.decision] ?? p.decision }) },
  },
  'case-overdue': {
    needs: ['institution', 'stage', 'dueDate'],
    title: (p) => `督办：${p.institution}${STAGE_STEP[p.stage] ?? ''}已超期`,
    lines: (p) => [
      `${p.institution}的备案案件${STAGE_STEP[p.stage] ?? p.stage}环节办理时限已于${chineseDate(p.dueDate)}届满${p.limitWorkingDays ? `（${p.limitWorkingDays}个工作日）` : ''}，尚未办结。`,
      '请抓紧办理，或说明延期原因。',
    ],
    sms: { templateId: 'FILING_CASE_OVERDUE', params: (p) => ({ institution: p.institution, step: STAGE_STEP[p.stage] ?? p.stage }) },
  },
  'objection-lodged': {
    needs: ['institution', 'receiptNumber', 'receivedAt'],
    title: (p) => `公示期收到异议：${p.institution}`,
    lines: (p) => [
      `${p.institution}的备案公示于${chineseDateTime(p.receivedAt)}收到实名异议（回执编号${p.receiptNumber}）。`,
      '请及时调查核实，作出异议处理结论并告知异议人。',
    ],
    sms: { templateId: 'FILING_OBJECTION_LODGED', params: (p) => ({ institution: p.institution, receipt: p.receiptNumber }) },
  },
};

/** The parameters a kind needs that the request lacks (an empty list when it can be rendered). */
export function missingParams(kind: NotificationKind, params: Record<string, string>): string[] {
  return TEMPLATES[kind].needs.filter((n) => typeof params[n] !== 'string' || params[n].trim() === '');
}

/** The notice as the person reads it: salutation, the lines, the case number and the console link. */
export function renderNotice(kind: NotificationKind, input: { caseId: string; name?: string; params: Record<string, string>; url: string }): RenderedNotice {
  const t = TEMPLATES[kind];
  const p = { ...input.params, caseId: input.caseId, name: input.name ?? '' } as Params;
  const body = [
    ...(input.name ? [`${input.name}：`] : []),
    ...t.lines(p),
    `案件编号：${input.caseId}`,
    t.linkLine ? t.linkLine(input.url) : `请登录吉林省职业技能等级认定机构备案评估系统办理：${input.url}`,
    '',
    '吉林省职业技能鉴定中心（系统自动发送，请勿回复）',
  ].join('\n');
  return { title: t.title(p), body, sms: { templateId: t.sms.templateId, params: t.sms.params(p) } };
}
