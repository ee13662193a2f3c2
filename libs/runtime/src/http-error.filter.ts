import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { throwError } from 'rxjs';
import { currentCorrelation } from './correlation.context';

/**
 * Every HTTP error leaves as `{ statusCode, error, message, ...details }`. Unexpected errors are logged with their
 * stack and answered with a plain 500 that names the correlation id, never a stack trace. For Kafka handlers (the
 * microservice inherits this filter) the original error passes through unchanged: Nest's default RPC filter would
 * replace it with "Internal server error", and the consumer's retry decision and DLT header need the real one.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrorFilter');

  catch(exception: unknown, host: ArgumentsHost) {
    // Kafka handlers: hand the original error back to the consumer, which decides between retry and dead letter.
    if (host.getType() !== 'http') return throwError(() => exception);
    const res = host.switchToHttp().getResponse<Response>();
    const correlationId = currentCorrelation()?.correlationId;
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      const payload =
        typeof body === 'string'
          ? { statusCode: status, error: HttpStatus[status] ?? 'Error', message: body }
          : { statusCode: status, ...(body as object) };
      res.status(status).json(payload);
      return;
    }
    const err = exception as { type?: string; status?: number; message?: string };
    // Body-parser errors (bad JSON, too large) carry their own 4xx status.
    if (typeof err?.status === 'number' && err.status >= 400 && err.status < 500) {
      res.status(err.status).json({ statusCode: err.status, error: 'Bad Request', message: err.message });
      return;
    }
    this.logger.error(exception instanceof Error ? exception : String(exception), (exception as Error)?.stack);
    res.status(500).json({ statusCode: 500, error: 'Internal Server Error', message: 'unexpected error; see the service log', correlationId });
  }
}
