// Errors people can read. Services answer RFC 9457 problem documents with a stable `code` and per-field
// `errors[].field/code` (docs: the HTTP error contract); older answers carry only `message` (and `problems` for
// validation). Both are mapped here to Chinese, next to the field or step they concern.

export interface FieldProblem {
  field: string;
  code?: string;
  message?: string;
}

/** An error answer of a service, as the console understands it whatever its vintage. */
export class ApiError extends Error {
  readonly status: number;
  readonly code?: string;
  readonly detail?: string;
  readonly correlationId?: string;
  readonly fieldProblems: FieldProblem[];
  readonly currentStage?: string;
  readonly allowedActions?: string[];
  readonly body: unknown;

  constructor(status: number, body: unknown, correlationHeader?: string | null) {
    const b = (body && typeof body === 'object' ? body : {}) as Record<string, any>;
    const detail: string | undefined =
      typeof b.detail === 'string'
        ? b.detail
        : Array.isArray(b.message)
          ? b.message.join('; ')
          : typeof b.message === 'string'
            ? b.message
            : typeof body === 'string' && body
              ? body.slice(0, 500)
              : undefined;
    super(detail ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.body = body;
    this.code = typeof b.code === 'string' ? b.code : undefined;
    this.detail = detail;
    this.correlationId = b.correlationId ?? correlationHeader ?? undefined;
    this.currentStage = typeof b.currentStage === 'string' ? b.currentStage : undefined;
    this.allowedActions = Array.isArray(b.allowedActions) ? b.allowedActions : undefined;
    this.fieldProblems = fieldProblemsOf(b);
    // An answer from before the contract that names its field first ("existingFilingNumber … is not a filing of …").
    const named = /^([a-zA-Z]+(?:\.[a-zA-Z]+)*) /.exec(detail ?? '')?.[1];
    if (!this.fieldProblems.length && status >= 400 && status < 500 && named && FIELD_LABELS[named]) this.fieldProblems = [{ field: named, message: detail }];
  }
}

/** `errors[]` of the contract, else today's `problems: ["a.b: a.b must …"]` of the validation pipe. */
function fieldProblemsOf(b: Record<string, any>): FieldProblem[] {
  if (Array.isArray(b.errors)) {
    return b.errors.filter((e: any) => e && typeof e.field === 'string').map((e: any) => ({ field: e.field, code: e.code, message: e.message }));
  }
  if (Array.isArray(b.problems)) {
    return b.problems
      .filter((p: unknown) => typeof p === 'string')
      .map((p: string) => {
        const i = p.indexOf(': ');
        return i > 0 ? { field: p.slice(0, i), message: p.slice(i + 2) } : { field: '', message: p };
      });
  }
  return [];
}

/** Chinese names of request fields, for messages that name a field. */
export const FIELD_LABELS: Record<string, string> = {
  applicationKind: '申报类型',
  jurisdiction: '属地（隶属关系）',
  'institution.name': '机构名称',
  'institution.creditCode': '统一社会信用代码',
  'institution.kind': '机构类型',
  'institution.legalRepresentative': '法定代表人',
  'institution.address': '地址',
  'institution.contact.person': '联系人',
  'institution.contact.phone': '联系电话',
  'institution.contact.email': '电子邮箱',
  occupations: '申请认定职业',
  existingFilingNumber: '原备案通知文号或备案编号',
  checklistItem: '材料项目',
  file: '文件',
  name: '姓名',
  idNumber: '身份证号码',
  phone: '联系电话',
  email: '电子邮箱',
  address: '通讯地址',
  reason: '异议理由',
  evidence: '证据及线索',
  officerEntropy: '纪检人员随机输入',
};

/** The label of a dotted field path: occupations.0.levels → 申请认定职业第 1 项的等级. */
export function fieldLabel(field: string): string {
  if (FIELD_LABELS[field]) return FIELD_LABELS[field];
  const occ = /^occupations\.(\d+)\.(\w+)$/.exec(field);
  if (occ)
    return `申请认定职业第 ${Number(occ[1]) + 1} 项的${{ code: '职业编码', name: '职业名称', workType: '工种', levels: '等级', basis: '认定依据' }[occ[2]] ?? occ[2]}`;
  return field;
}

/** Per-field problem codes of the contract (errors[].code). */
const FIELD_CODE_TEXT: Record<string, (label: string) => string> = {
  REQUIRED: (l) => `请填写${l}`,
  INVALID_FORMAT: (l) => `${l}格式不正确`,
  TOO_LONG: (l) => `${l}过长`,
  TOO_SHORT: (l) => `${l}过短`,
  NOT_ALLOWED: (l) => `${l}不是允许的取值`,
  UNKNOWN_FIELD: (l) => `不应提交字段“${l}”`,
  OUT_OF_RANGE: (l) => `${l}超出允许范围`,
  DUPLICATE: (l) => `${l}有重复`,
  CREDIT_CODE_INVALID: () => '统一社会信用代码无效（校验码不符）',
  ID_NUMBER_INVALID: () => '身份证号码无效',
};

/** Chinese for a field problem: from its code, else from the legacy class-validator sentence. */
export function fieldProblemText(p: FieldProblem): string {
  const label = fieldLabel(p.field);
  if (p.code && FIELD_CODE_TEXT[p.code]) return FIELD_CODE_TEXT[p.code](label);
  const m = p.message ?? '';
  const known = knownDetail(m);
  if (known) return known;
  if (/should not exist/.test(m)) return FIELD_CODE_TEXT.UNKNOWN_FIELD(label);
  if (/should not be empty|must be defined|is required/.test(m)) return FIELD_CODE_TEXT.REQUIRED(label);
  if (/must match|must be an? (email|telephone|valid)|must be an 18-character/.test(m)) return FIELD_CODE_TEXT.INVALID_FORMAT(label);
  if (/shorter than or equal|must be shorter/.test(m)) return FIELD_CODE_TEXT.TOO_LONG(label);
  if (/must be one of the following values/.test(m)) return FIELD_CODE_TEXT.NOT_ALLOWED(label);
  return `${label}：${m || '不符合要求'}`;
}

/** Request-level codes of the contract. */
const CODE_TEXT: Record<string, string> = {
  VALIDATION_FAILED: '提交的内容有误，请按提示修改',
  NOT_FOUND: '未找到相应的记录（可能已被删除，或您无权查看）',
  UNAUTHENTICATED: '登录已失效，请重新登录',
  FORBIDDEN: '您的账号无权进行此操作',
  CASE_STAGE_CONFLICT: '案件当前所处阶段不允许此操作',
  CONCURRENT_MODIFICATION: '该记录刚被他人修改，请刷新后重试',
  PAYLOAD_TOO_LARGE: '文件或内容过大，超过了允许的上限',
  RATE_LIMITED: '操作过于频繁，请稍后再试',
  UNSUPPORTED_MEDIA_TYPE: '文件类型不受支持，或文件内容与扩展名不符（支持 PDF、PNG、JPEG、Word、Excel）',
  INTERNAL_ERROR: '系统出现内部错误',
  NOTICE_WINDOW_CLOSED: '不在公示期内，网上异议仅在公示期内受理',
  CREDIT_CODE_INVALID: '统一社会信用代码无效（校验码不符）',
  ID_NUMBER_INVALID: '身份证号码无效',
  MATERIALS_MISSING: '尚有必需的申报材料未上传',
  MALFORMED_BODY: '提交的数据格式有误（不是有效的 JSON），请刷新页面后重试',
  MEMBERS_NOT_CONFIRMED: '尚有专家组成员未确认邀请，全部确认后方可召开启动会',
  CONFLICT: '当前状态不允许此操作，请刷新后查看最新状态',
  UNPROCESSABLE: '暂不能处理该请求，请按提示补充或修改',
  METHOD_NOT_ALLOWED: '不支持此操作',
  URI_TOO_LONG: '查询条件过长，请缩短后重试',
  REQUEST_HEADERS_TOO_LARGE: '查询条件过长，请缩短后重试',
  INVALID_CHARACTER: '提交的内容含有不允许的字符，请删除后重试',
  TOO_DEEP: '提交的数据结构有误，请刷新页面后重试',
};

/**
 * Codes every service derives from the HTTP status when the refusal names none of its own: a sentence the service
 * wrote that the console knows says more than they do.
 */
const STATUS_CODES = new Set(['VALIDATION_FAILED', 'NOT_FOUND', 'FORBIDDEN', 'CONFLICT', 'UNPROCESSABLE', 'REQUEST_REFUSED']);

/** Chinese names of the case stages (review owns them). */
export const STAGE_NAMES: Record<string, string> = {
  SUBMITTED: '已提交',
  ACCEPTED: '已受理',
  EXPERT_GROUP_REQUESTED: '申请抽取专家',
  GROUP_FORMED: '专家组已组建',
  PRELIMINARY_REVIEW: '材料初审',
  PROVINCIAL_RECHECK_PRELIMINARY: '省级复核（初评意见）',
  RETURNED: '退回补正',
  ONSITE_EVALUATION: '现场技术评估',
  COMPREHENSIVE_REVIEW: '综合评审',
  PROVINCIAL_RECHECK_COMPREHENSIVE: '省级复核（综合意见）',
  APPROVAL: '审定',
  PUBLIC_NOTICE: '公示',
  FILING_NOTICE_REQUESTED: '报请下发备案通知',
  FILING_NOTICE_ISSUED: '已下发备案通知',
  NOT_PASSED: '未通过',
  CLOSED: '已结束',
};

/** What the console shows for an error: a title, a sentence, and problems per form field. */
export interface ErrorView {
  title: string;
  description: string;
  fields: Record<string, string>;
  /** For a 5xx: what to quote to the help desk. */
  correlationId?: string;
}

/** Turns any failure (an ApiError, a network failure, a bug) into Chinese for the page. */
export function describeError(err: unknown): ErrorView {
  if (!(err instanceof ApiError)) {
    const offline = err instanceof TypeError;
    return {
      title: offline ? '无法连接服务器' : '操作未完成',
      description: offline ? '网络连接失败，请检查网络后重试。' : String((err as Error)?.message ?? err),
      fields: {},
    };
  }
  const fields: Record<string, string> = {};
  for (const p of err.fieldProblems) if (p.field && !fields[p.field]) fields[p.field] = fieldProblemText(p);
  if (err.status === 503) {
    // A service or its database restarting (DATABASE_UNAVAILABLE): nothing was changed; trying again shortly is right.
    return { title: '服务暂时不可用', description: '系统正在重启或维护，本次操作未作任何更改，请稍后重试。', fields, correlationId: err.correlationId };
  }
  if (err.status === 502 || err.status === 504) {
    // The service did not answer: whether the step was taken is unknown until the page is refreshed.
    return {
      title: '服务暂时无法连接',
      description: '服务未能及时应答，请稍后刷新页面，确认操作是否已完成后再重试。',
      fields,
      correlationId: err.correlationId,
    };
  }
  if (err.status >= 500) {
    const ref = err.correlationId ? `请将查询编号 ${err.correlationId} 告知服务热线，以便排查。` : '请稍后重试；如仍失败，请联系服务热线。';
    return { title: '系统暂时无法处理您的请求', description: `${CODE_TEXT.INTERNAL_ERROR}。${ref}`, fields, correlationId: err.correlationId };
  }
  const code = err.code ?? legacyCode(err);
  const known = code && STATUS_CODES.has(code) ? knownDetail(err.detail ?? '') : undefined;
  let description = known || (code && CODE_TEXT[code]) || translateDetail(err.detail) || `请求未被受理（${err.status}）`;
  if (err.status === 409 || code === 'CASE_STAGE_CONFLICT') {
    const stage = err.currentStage ?? /at stage ([A-Z_]+)/.exec(err.detail ?? '')?.[1];
    if (stage) description = `${CODE_TEXT.CASE_STAGE_CONFLICT}：案件现处于“${STAGE_NAMES[stage] ?? stage}”阶段。`;
    if (err.allowedActions?.length) description += `当前可进行：${err.allowedActions.map(actionName).join('、')}。`;
    else if (!stage && !(code && !STATUS_CODES.has(code) && CODE_TEXT[code]))
      description = translateDetail(err.detail) ?? '当前状态不允许此操作，请刷新后查看最新状态。';
  }
  const fieldList = Object.values(fields);
  if (fieldList.length && code !== 'VALIDATION_FAILED') description = CODE_TEXT.VALIDATION_FAILED;
  return { title: titleFor(err.status), description, fields };
}

function titleFor(status: number): string {
  if (status === 401) return '请先登录';
  if (status === 403) return '无权操作';
  if (status === 404) return '未找到';
  if (status === 409) return '当前状态不允许此操作';
  if (status === 413) return '内容过大';
  if (status === 415) return '文件类型不受支持';
  if (status === 422) return '尚不能提交';
  if (status === 429) return '操作过于频繁';
  return '提交的内容有误';
}

/** Codes for answers that predate the contract, from the status. */
function legacyCode(err: ApiError): string | undefined {
  if (err.fieldProblems.length) return 'VALIDATION_FAILED';
  return { 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 413: 'PAYLOAD_TOO_LARGE', 415: 'UNSUPPORTED_MEDIA_TYPE', 429: 'RATE_LIMITED' }[err.status];
}

/** A legacy sentence in Chinese; else the sentence itself (marked as not accepted when it is not Chinese). */
function translateDetail(detail?: string): string | undefined {
  if (!detail) return undefined;
  return knownDetail(detail) ?? (/[\u4e00-\u9fff]/.test(detail) ? detail : `请求未被受理：${detail}`);
}

/** The few legacy sentences that matter to the people using the console, in Chinese. */
function knownDetail(detail: string): string | undefined {
  const rules: [RegExp, (m: RegExpExecArray) => string][] = [
    [/required materials are missing: (.*)$/, (m) => `尚有必需材料未上传：${[...m[1].matchAll(/\(([^)]+)\)/g)].map((x) => x[1]).join('、') || m[1]}`],
    [
      /notice period .* runs from (\S+) to (\S+) .* (has not started yet|has ended)/,
      (m) => `公示期为 ${m[1]} 至 ${m[2]}，${m[3] === 'has ended' ? '已经结束' : '尚未开始'}；网上异议仅在公示期内受理。`,
    ],
    [/is not a valid 统一社会信用代码.*should be (\w)/, (m) => `统一社会信用代码校验码不符，第 18 位应为“${m[1]}”`],
    [/your account is bound to credit code (\S+)/, (m) => `您的账号绑定的统一社会信用代码为 ${m[1]}，只能为该机构申报`],
    [/has no valid filing/, () => '该机构尚无有效备案，不能申请增加认定职业'],
    [/existingFilingNumber .* is not a filing of/, () => '原备案通知文号或备案编号与该机构的备案不符'],
    [/upload at least one new material version/, () => '请至少上传一份针对退回意见修改后的新版本材料，再重新提交'],
    [/larger than the limit of (\d+) bytes/, (m) => `文件超过大小上限（${(Number(m[1]) / 1024 / 1024).toFixed(0)} MB）`],
    [/too many objections/, () => '提交过于频繁，请稍后再试，或与受理单位联系'],
    [/no objection with receipt/, () => '未找到该回执编号的异议，请核对回执编号'],
    [/only a draft can be submitted/, () => '该申报已提交，不能重复提交'],
    [/seed .* not revealed|has no commitment/, () => '该抽取尚未公布承诺值或种子'],
  ];
  for (const [re, f] of rules) {
    const m = re.exec(detail);
    if (m) return f(m);
  }
  return undefined;
}

function actionName(a: string): string {
  return (
    {
      accept: '受理',
      'not-accept': '不予受理',
      'request-experts': '申请抽取专家',
      'submit-preliminary-opinion': '提交初评意见',
      return: '退回补正',
      resubmit: '重新提交',
      approve: '审定通过',
      'not-approve': '审定不通过',
    }[a] ?? a
  );
}
