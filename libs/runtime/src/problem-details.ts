import { STATUS_CODES } from 'node:http';
import type { ValidationError } from 'class-validator';

/**
 * The HTTP error contract (docs/adr/0011): every 4xx/5xx body is RFC 9457 problem details, served as
 * `application/problem+json`, with a stable UPPER_SNAKE `code` beside a Chinese `title`, the `detail` sentence and,
 * for a refused request, `errors[]` per field. The older fields (`statusCode`, `error`, `message`, `problems`) stay
 * beside them, so clients written before the contract keep working.
 */
export interface FieldError {
  field: string;
  code: string;
  message: string;
}

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  errors?: FieldError[];
  correlationId?: string;
  [extra: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** The code of an answer that names none itself, from its status. */
const CODE_BY_STATUS: Record<number, string> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  408: 'REQUEST_TIMEOUT',
  406: 'NOT_ACCEPTABLE',
  409: 'CONFLICT',
  410: 'GONE',
  411: 'LENGTH_REQUIRED',
  412: 'PRECONDITION_FAILED',
  413: 'PAYLOAD_TOO_LARGE',
  414: 'URI_TOO_LONG',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE',
  429: 'RATE_LIMITED',
  431: 'REQUEST_HEADERS_TOO_LARGE',
  500: 'INTERNAL_ERROR',
  502: 'BAD_GATEWAY',
  503: 'SERVICE_UNAVAILABLE',
  504: 'GATEWAY_TIMEOUT',
};

const TITLE_BY_STATUS: Record<number, string> = {
  400: '请求内容有误',
  401: '未登录或登录已失效',
  403: '无权操作',
  404: '未找到',
  405: '不支持的请求方法',
  408: '请求超时',
  406: '无法提供所需格式',
  409: '当前状态不允许此操作',
  410: '已不存在',
  411: '缺少内容长度',
  412: '前提条件不满足',
  413: '内容过大',
  414: '地址过长',
  415: '内容类型不受支持',
  422: '暂不能处理',
  429: '操作过于频繁',
  431: '请求头过大',
  500: '系统内部错误',
  502: '上游服务出错',
  503: '服务暂不可用',
  504: '上游服务超时',
};

export function codeForStatus(status: number): string {
  return CODE_BY_STATUS[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : 'REQUEST_REFUSED');
}

export function titleForStatus(status: number): string {
  return TITLE_BY_STATUS[status] ?? (status >= 500 ? '系统内部错误' : '请求未被受理');
}

/**
 * A problem document from an HttpException's response (a string, or an object with `message`, maybe `code`,
 * `problems`, `errors` and fields of its own such as `currentStage`), keeping every field it had.
 */
export function problemOf(status: number, body: unknown): ProblemDetails {
  const b: Record<string, unknown> = typeof body === 'string' ? { message: body } : body && typeof body === 'object' ? { ...(body as object) } : {};
  const message = Array.isArray(b.message) ? b.message.map(String).join('; ') : typeof b.message === 'string' ? b.message : undefined;
  const code = typeof b.code === 'string' && /^[A-Z][A-Z0-9_]*$/.test(b.code) ? b.code : codeForStatus(status);
  const detail = typeof b.detail === 'string' ? b.detail : (message ?? titleForStatus(status));
  // `status` is the HTTP status here; a body that named a record's state under that name keeps it as `state`.
  if (b.status !== undefined && typeof b.status !== 'number') {
    b.state = b.status;
    delete b.status;
  }
  // The contract's members first, then whatever the refusal carried, then the older fields.
  const head = {
    type: typeof b.type === 'string' ? b.type : 'about:blank',
    title: typeof b.title === 'string' ? b.title : titleForStatus(status),
    status,
    code,
    detail,
  };
  return {
    ...head,
    ...b,
    ...head,
    statusCode: status,
    error: typeof b.error === 'string' ? b.error : (STATUS_CODES[status] ?? 'Error'),
    message: message ?? detail,
  };
}

/** Which contract code a class-validator constraint breaks; the first one found per field wins. */
const CONSTRAINT_CODES: [RegExp, string][] = [
  [/^(isDefined|isNotEmpty|isNotEmptyObject)$/, 'REQUIRED'],
  [/^whitelistValidation$/, 'UNKNOWN_FIELD'],
  [/^(maxLength|arrayMaxSize)$/, 'TOO_LONG'],
  [/^(minLength|arrayMinSize)$/, 'TOO_SHORT'],
  [/^(isIn|isEnum|equals)$/, 'NOT_ALLOWED'],
  [/^(min|max|isPositive|isNegative|minDate|maxDate)$/, 'OUT_OF_RANGE'],
  [/^arrayUnique$/, 'DUPLICATE'],
  [/creditCode/i, 'CREDIT_CODE_INVALID'],
  [/idNumber/i, 'ID_NUMBER_INVALID'],
];

function codeForConstraints(names: string[], value: unknown): string {
  if (value === undefined || value === null) {
    if (names.some((n) => /^(isDefined|isNotEmpty|isObject|nestedValidation|isString|isArray)$/.test(n))) return 'REQUIRED';
  }
  for (const [re, code] of CONSTRAINT_CODES) if (names.some((n) => re.test(n))) return code;
  return 'INVALID_FORMAT';
}

/** One entry per field with a problem: its dotted path, the contract code and the validator's sentences. */
export function fieldErrorsOf(errors: ValidationError[], parent = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const e of errors) {
    // A body that is no object at all (an array, a primitive) is reported without a property.
    const field = [parent, e.property ?? ''].filter(Boolean).join('.');
    const constraints = e.constraints ?? {};
    const names = Object.keys(constraints);
    if (names.length) out.push({ field, code: codeForConstraints(names, e.value), message: Object.values(constraints).join('; ') });
    if (e.children?.length) out.push(...fieldErrorsOf(e.children, field));
  }
  return out;
}
