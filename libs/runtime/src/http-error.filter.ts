import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { throwError } from 'rxjs';
import { currentCorrelation } from './correlation.context';
import { isDatabaseUnavailable } from './database-unavailable';
import { DomainError } from './domain-error';
import { PROBLEM_CONTENT_TYPE, problemOf } from './problem-details';

/** Body-parser and multer errors that carry a 4xx, with the contract's code for each. */
const PARSER_CODES: Record<string, string> = {
  'entity.parse.failed': 'MALFORMED_BODY',
  'entity.too.large': 'PAYLOAD_TOO_LARGE',
  'entity.verify.failed': 'MALFORMED_BODY',
  'encoding.unsupported': 'UNSUPPORTED_MEDIA_TYPE',
  'charset.unsupported': 'UNSUPPORTED_MEDIA_TYPE',
  'request.aborted': 'MALFORMED_BODY',
  'request.size.invalid': 'MALFORMED_BODY',
  'stream.encoding.set': 'MALFORMED_BODY',
  'parameters.too.many': 'PAYLOAD_TOO_LARGE',
};

/**
 * The one error filter of every service (docs/adr/0011): every HTTP error leaves as RFC 9457 problem details
 * (`application/problem+json`, a stable `code`, the older `statusCode`/`error`/`message` beside it). Unexpected
 * errors are logged with their stack and answered `500 INTERNAL_ERROR` naming the correlation id, never a stack
 * trace. For Kafka handlers (the microservice inherits this filter) the original error passes through unchanged:
 * Nest's default RPC filter would replace it with "Internal server error", and the consumer's retry decision and DLT
 * header need the real one.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrorFilter');

  catch(exception: unknown, host: ArgumentsHost) {
    // Kafka handlers: hand the original error back to the consumer, which decides between retry and dead letter.
    if (host.getType() !== 'http') return throwError(() => exception);
    const res = host.switchToHttp().getResponse<Response>();
    const correlationId = currentCorrelation()?.correlationId ?? (res.getHeader('x-correlation-id') as string | undefined);
    if (exception instanceof DomainError) {
      // A handler's refusal in the domain's terms: its status, and its body as the problem's fields.
      send(res, exception.status, problemOf(exception.status, exception.body));
      return;
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      if (status === 400 && unparsedJsonBody(host.switchToHttp().getRequest<Request>())) {
        // Nest turns the JSON parser's SyntaxError into a plain 400 before any filter sees it.
        const message = String(exception.message).slice(0, 200);
        send(
          res,
          400,
          problemOf(400, { code: 'MALFORMED_BODY', detail: `请求体不是有效的 JSON（${message}）`, message: `the body is not valid JSON: ${message}` }),
        );
        return;
      }
      if (status >= 500) this.logger.error(`${status}: ${exception.message}`, exception.stack);
      send(res, status, { ...problemOf(status, exception.getResponse()), ...(status >= 500 ? { correlationId } : {}) });
      return;
    }
    const err = exception as { type?: string; status?: number; statusCode?: number; message?: string; code?: string };
    // Body-parser errors (bad JSON, too large, a bad charset) and multer's carry their own 4xx status.
    const parserStatus = typeof err?.status === 'number' ? err.status : typeof err?.statusCode === 'number' ? err.statusCode : undefined;
    if (parserStatus !== undefined && parserStatus >= 400 && parserStatus < 500) {
      const code = (err.type && PARSER_CODES[err.type]) ?? undefined;
      const detail = code === 'MALFORMED_BODY' ? `请求体不是有效的 JSON（${String(err.message).slice(0, 200)}）` : String(err.message ?? '').slice(0, 500);
      send(res, parserStatus, problemOf(parserStatus, { code, detail, message: String(err.message ?? '').slice(0, 500) }));
      return;
    }
    if (isDatabaseUnavailable(exception)) {
      // A database restart or failover is the platform's moment, not the request's fault: say so and when to retry.
      this.logger.warn(`503: the database is unavailable (${(exception as Error)?.message ?? exception})`);
      res.setHeader('Retry-After', '5');
      send(res, 503, {
        ...problemOf(503, {
          code: 'DATABASE_UNAVAILABLE',
          detail: '数据库暂时不可用（可能正在重启），请稍后重试；本次请求未作任何更改',
          message: 'the database is briefly unavailable; retry later',
        }),
        correlationId,
      });
      return;
    }
    this.logger.error(exception instanceof Error ? exception : String(exception), (exception as Error)?.stack);
    send(res, 500, {
      ...problemOf(500, {
        code: 'INTERNAL_ERROR',
        detail: `系统内部错误，请将查询编号 ${correlationId ?? '（无）'} 告知服务热线`,
        message: 'unexpected error; see the service log',
      }),
      correlationId,
    });
  }
}

/** A JSON body that the parser could not read: it leaves `req.body` unset (body-parser sets it only on success). */
function unparsedJsonBody(req: Request): boolean {
  const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
  return hasBody && /json/i.test(String(req.headers['content-type'] ?? '')) && req.body === undefined;
}

function send(res: Response, status: number, body: object): void {
  if (res.headersSent) {
    // A streamed answer that failed midway: nothing more can be said to the client.
    res.end();
    return;
  }
  res.status(status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
}
