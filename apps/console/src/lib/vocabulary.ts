// The procedure's words in Chinese, for display. The jurisdiction list mirrors libs/contracts (a test keeps them equal).
export { STAGE_NAMES } from '../api/problem';

export const JURISDICTIONS: { code: string; name: string; level: 'province' | 'city' }[] = [
  { code: '220000', name: '吉林省', level: 'province' },
  { code: '220100', name: '长春市', level: 'city' },
  { code: '220200', name: '吉林市', level: 'city' },
  { code: '220300', name: '四平市', level: 'city' },
  { code: '220400', name: '辽源市', level: 'city' },
  { code: '220500', name: '通化市', level: 'city' },
  { code: '220600', name: '白山市', level: 'city' },
  { code: '220700', name: '松原市', level: 'city' },
  { code: '220800', name: '白城市', level: 'city' },
  { code: '222400', name: '延边朝鲜族自治州', level: 'city' },
  { code: '220581', name: '梅河口市', level: 'city' },
  { code: '229901', name: '长白山管委会', level: 'city' },
];

export function jurisdictionName(code: string | undefined): string {
  return JURISDICTIONS.find((j) => j.code === code)?.name ?? code ?? '';
}

export const LEVEL_NAMES: Record<number, string> = { 5: '五级/初级工', 4: '四级/中级工', 3: '三级/高级工', 2: '二级/技师', 1: '一级/高级技师' };

export const INSTITUTION_KIND_NAMES: Record<string, string> = { employer: '用人单位', 'social-org': '社会培训评价组织' };

export const APPLICATION_KIND_NAMES: Record<string, string> = { 'new-filing': '新备案', 'add-occupation': '增加认定职业' };

export const BASIS_NAMES: Record<string, string> = { 'national-standard': '国家职业标准', 'evaluation-norm': '评价规范' };

export const APPLICATION_STATUS_NAMES: Record<string, string> = {
  DRAFT: '草稿',
  SUBMITTED: '已提交',
  RETURNED: '已退回，待补正',
  RESUBMITTED: '已补正重新提交',
  APPROVED: '已审定通过',
  REJECTED: '未通过',
  FILED: '已备案',
};

export const ROLE_NAMES: Record<string, string> = {
  applicant: '申报机构',
  'center-staff': '鉴定中心工作人员',
  'discipline-officer': '纪检人员',
  expert: '评估专家',
  approver: '审定人员',
  admin: '系统管理员',
};

export function roleName(role: string | undefined): string {
  return (role && ROLE_NAMES[role]) || role || '';
}

export const NOTICE_STATUS_NAMES: Record<string, string> = { open: '公示中', 'awaiting-objections': '异议处理中', closed: '公示结束' };

export const OBJECTION_STATUS_NAMES: Record<string, string> = {
  open: '已受理，待调查',
  investigating: '调查核实中',
  upheld: '异议成立',
  dismissed: '异议不成立',
};

export const NOTICE_OUTCOME_NAMES: Record<string, string> = {
  'no-objection': '无异议',
  'objections-dismissed': '异议不成立',
  'occupations-struck': '部分职业撤销',
  'objection-upheld': '异议成立，不予备案',
};

export function levelsText(levels: number[]): string {
  return [...levels]
    .sort((a, b) => b - a)
    .map((l) => LEVEL_NAMES[l] ?? `${l}级`)
    .join('、');
}

/** A stage change's reason as the applicant reads it: the few the services write in English, in Chinese. */
export function stageReasonText(reason: string): string {
  const closed = /^public notice closed: ([a-z-]+)$/.exec(reason);
  if (closed) return `公示期满，公示结果：${NOTICE_OUTCOME_NAMES[closed[1]] ?? closed[1]}`;
  if (/^objection upheld during the public notice/.test(reason)) return '公示期间异议成立';
  return reason;
}

/** Each step of review's case lifecycle and audit trail, as the officials read it. */
export const CASE_ACTION_NAMES: Record<string, string> = {
  open: '收到申报',
  accept: '受理',
  'not-accept': '不予受理',
  'request-experts': '提交工作方案，申请抽取专家',
  'group-formed': '专家组组建',
  'leader-elected': '推选组长',
  'preliminary-opinion': '提交初评意见，报省级复核',
  'preliminary-pass': '初评通过',
  'preliminary-fail': '初评不通过，退回补正',
  'recheck-pass': '省级复核通过',
  'recheck-fail': '省级复核不通过',
  'recheck-return-to-group': '省级复核退回专家组重新评议',
  'recheck-decided': '省级复核结论',
  resubmit: '补正后重新提交',
  'technical-opinion': '提交技术评估意见',
  'comprehensive-pass': '综合评审通过',
  'comprehensive-fail': '综合评审不通过',
  approve: '审定通过',
  'not-approve': '审定不通过',
  'notice-passed': '公示期满',
  'objection-upheld': '异议成立',
  'filing-issued': '下发备案通知',
  'notice-opened': '公示开始',
  'notice-awaiting-calendar': '公示等待下一年度工作日历',
  'objection-received': '收到公示异议',
  'objection-resolved': '公示异议处理完毕',
  'recheck-queued': '报送省级复核',
  'member-replaced': '专家递补',
  'draw-seed-revealed': '抽取种子公开',
};

export const APPROVAL_BODY_NAMES: Record<string, string> = { 'local-hrss-bureau': '市（州）人社局审定', 'director-office-meeting': '厅长办公会审定' };

export const RECHECK_GATE_NAMES: Record<string, string> = { preliminary: '初评意见复核', comprehensive: '综合技术评估意见复核' };

export const OPINION_KIND_NAMES: Record<string, string> = { preliminary: '初评意见', technical: '技术评估意见', comprehensive: '综合技术评估意见' };

export const DRAW_STATUS_NAMES: Record<string, string> = {
  QUEUED: '待抽取（未公布承诺值）',
  COMMITTED: '已公布承诺值，待抽取',
  DRAWN: '已抽取，待专家确认',
  FORMED: '专家组已组建',
  LEADER_ELECTED: '已推选组长',
  CANCELLED: '已取消',
};

export const MEMBER_STATE_NAMES: Record<string, string> = { drawn: '已抽中，待确认', confirmed: '已确认' };

/** How the leader was elected (ADR 0020). */
export const ELECTION_METHOD_NAMES: Record<string, string> = {
  majority: '第一轮获出席成员过半数票当选',
  runoff: '第一轮无人过半数，第二轮在得票最多者中得票最多当选',
  'centre-decision': '第二轮票数相同，由鉴定中心在并列人选中决定',
};

/** The wording of the conflict-of-interest declaration (回避声明) a member signs to confirm an invitation. */
export const NO_CONFLICT_STATEMENT =
  '本人郑重声明：本人与申报机构不存在任职、投资、亲属任职、近三年服务等利害关系，不存在其他可能影响公正评估的情形；如有隐瞒，愿承担相应责任。本人承诺客观公正、保守秘密。';

/** 回避 rules of expert-pool, in Chinese. */
export const AVOIDANCE_RULE_NAMES: Record<string, string> = {
  'not-active': '专家状态非在库',
  'out-of-term': '不在聘期内',
  'wrong-level': '不属本级专家库',
  'works-at-applicant': '现任职于申报机构',
  'worked-at-applicant-recently': '近年曾任职于申报机构',
  'relative-at-applicant': '近亲属在申报机构任职',
  'declared-conflict': '本人申报利害关系',
  'recently-served-applicant': '近期曾为该机构提供服务',
};

/** Who a case waits for at a stage none of the signed-in official's steps belong to. */
export const STAGE_WAITS_FOR: Record<string, string> = {
  SUBMITTED: '鉴定中心受理审查',
  ACCEPTED: '鉴定中心提交工作方案和专家需求',
  EXPERT_GROUP_REQUESTED: '机关纪委抽取专家、召开启动会',
  GROUP_FORMED: '专家组推选组长',
  PRELIMINARY_REVIEW: '专家组材料初审',
  PROVINCIAL_RECHECK_PRELIMINARY: '省职业技能鉴定中心复核初评意见',
  RETURNED: '申报机构按退回意见补正材料',
  ONSITE_EVALUATION: '专家组现场技术评估',
  COMPREHENSIVE_REVIEW: '专家组综合评审',
  PROVINCIAL_RECHECK_COMPREHENSIVE: '省职业技能鉴定中心复核综合技术评估意见',
  APPROVAL: '审定机关审定',
  PUBLIC_NOTICE: '公示（公示期满且无异议后报请下发备案通知）',
  FILING_NOTICE_REQUESTED: '省人社厅下发备案通知',
};

/** Years as runs: 2004–2026、2028. */
export function yearsText(years: number[]): string {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    runs.push(j > i ? `${sorted[i]}–${sorted[j]}` : String(sorted[i]));
    i = j;
  }
  return runs.join('、');
}
