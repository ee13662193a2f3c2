import { ArgumentMetadata, BadRequestException, ValidationPipe } from '@nestjs/common';
import { describeValidationErrors } from '@filing/contracts';
import { fieldErrorsOf } from './problem-details';

/** Chinese for the per-field codes, for the `detail` sentence (the console maps the codes itself). */
const FIELD_CODE_ZH: Record<string, string> = {
  REQUIRED: '必须填写',
  UNKNOWN_FIELD: '不是允许的字段',
  TOO_LONG: '过长',
  TOO_SHORT: '过短',
  NOT_ALLOWED: '不是允许的取值',
  OUT_OF_RANGE: '超出允许范围',
  DUPLICATE: '有重复',
  INVALID_FORMAT: '格式不正确',
  CREDIT_CODE_INVALID: '不是有效的统一社会信用代码',
  ID_NUMBER_INVALID: '不是有效的身份证号码',
};

/** Deeper than any request of the platform; a deeper body would overflow the validator's recursion. */
export const MAX_BODY_DEPTH = 32;

/**
 * What no request class can say: a body nested deeper than MAX_BODY_DEPTH, or a string holding U+0000 (PostgreSQL
 * text cannot store it). Walked without recursion, so the check itself cannot overflow.
 */
export function unreadableInput(value: unknown): { code: string; detail: string; message: string } | undefined {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (typeof v === 'string') {
      if (v.includes('\u0000'))
        return { code: 'INVALID_CHARACTER', detail: '提交的内容含有不允许的字符（U+0000）', message: 'the request holds a NUL character (U+0000)' };
    } else if (v && typeof v === 'object') {
      if (depth >= MAX_BODY_DEPTH)
        return { code: 'TOO_DEEP', detail: `提交的内容嵌套超过 ${MAX_BODY_DEPTH} 层`, message: `the body is nested deeper than ${MAX_BODY_DEPTH} levels` };
      for (const [k, child] of Object.entries(v)) {
        if (k.includes('\u0000'))
          return { code: 'INVALID_CHARACTER', detail: '提交的内容含有不允许的字符（U+0000）', message: 'the request holds a NUL character (U+0000)' };
        stack.push([child, depth + 1]);
      }
    }
  }
  return undefined;
}

/**
 * Whitelist, refuse unknown fields, and name every problem (docs/architecture.md §5.3): a 400 `VALIDATION_FAILED` problem
 * with `errors[]` (field, code, message); `message` and `problems` as before the error contract. Bodies, queries and
 * parameters too deep or holding NUL are refused before any validator runs.
 */
class StrictValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata) {
    if (metadata.type === 'body' || metadata.type === 'query' || metadata.type === 'param') {
      const problem = unreadableInput(value);
      if (problem) throw new BadRequestException({ ...problem, error: 'Bad Request' });
    }
    return super.transform(value, metadata);
  }
}

export function strictValidationPipe(): ValidationPipe {
  return new StrictValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const problems = describeValidationErrors(errors);
      const fieldErrors = fieldErrorsOf(errors);
      const detail = `请求内容有误：${fieldErrors.map((e) => `${e.field || '请求体'} ${FIELD_CODE_ZH[e.code] ?? '不符合要求'}`).join('；')}`;
      return new BadRequestException({
        code: 'VALIDATION_FAILED',
        detail,
        errors: fieldErrors,
        error: 'Bad Request',
        message: `invalid request: ${problems.join('; ')}`,
        problems,
      });
    },
  });
}
