import { INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { STATUS_CODES, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { NextFunction, Request, Response } from 'express';
import { accessList } from './access-list';
import { runWithCorrelation } from './correlation.context';
import { HttpErrorFilter } from './http-error.filter';
import { JsonLogger } from './json.logger';
import { PROBLEM_CONTENT_TYPE, problemOf } from './problem-details';
import { strictValidationPipe } from './validation.pipe';

export interface ServiceAppOptions {
  /** e.g. `intake`, `review-220100`. */
  name: string;
  title: string;
  description: string;
}

/** The HTTP side of a service: JSON logs, correlation ids, strict validation, clear errors, OpenAPI at /docs. */
export async function createServiceApp(module: Type<unknown>, opts: ServiceAppOptions): Promise<INestApplication> {
  const logger = new JsonLogger(opts.name);
  const app = await NestFactory.create(module, { logger, bufferLogs: false });
  app.use((req: Request, res: Response, next: NextFunction) => {
    const incoming = req.header('x-correlation-id');
    const correlationId = incoming && /^[\w-]{1,100}$/.test(incoming) ? incoming : randomUUID();
    res.setHeader('x-correlation-id', correlationId);
    runWithCorrelation({ correlationId }, next);
  });
  // Behind the console server or an ingress, the client's address comes in X-Forwarded-For (objection rate limits
  // are per address). TRUST_PROXY takes Express's values: `loopback`, a subnet list, a hop count, `true`.
  const trustProxy = process.env.TRUST_PROXY?.trim();
  if (trustProxy)
    app
      .getHttpAdapter()
      .getInstance()
      .set('trust proxy', /^\d+$/.test(trustProxy) ? Number(trustProxy) : trustProxy === 'true' ? true : trustProxy);
  answerClientErrorsAsProblems(app.getHttpServer() as Server);
  app.use(refuseUnsupportedBodies);
  // Operator endpoints can be kept from the public (METRICS_ALLOW, DOCS_ALLOW: see access-list.ts); others hear 404.
  const restricted: [RegExp, ReturnType<typeof accessList>][] = [
    [/^\/metrics(\/|$)/, accessList('METRICS_ALLOW', process.env.METRICS_ALLOW)],
    [/^\/docs(\/|-json|-yaml|$)/, accessList('DOCS_ALLOW', process.env.DOCS_ALLOW)],
  ];
  app.use((req: Request, res: Response, next: NextFunction) => {
    const rule = restricted.find(([path]) => path.test(req.path));
    if (rule?.[1] && !rule[1](req.ip)) {
      res
        .status(404)
        .type(PROBLEM_CONTENT_TYPE)
        .send(JSON.stringify(problemOf(404, { message: `Cannot ${req.method} ${req.path}` })));
      return;
    }
    next();
  });
  app.useGlobalPipes(strictValidationPipe());
  app.useGlobalFilters(new HttpErrorFilter());
  app.enableShutdownHooks();
  SwaggerModule.setup('docs', app, openApiDocument(app, opts), { jsonDocumentUrl: 'docs/openapi.json' });
  return app;
}

/**
 * What Node's HTTP parser refuses before Express sees it (headers or URL over 16 KB, a malformed request line): a
 * problem document too, instead of Node's bare status line.
 */
function answerClientErrorsAsProblems(server: Server): void {
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    // As Node's own handler: nothing is written on a socket that is gone or already answering.
    const answering = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent;
    if (err.code === 'ECONNRESET' || !socket.writable || answering) {
      socket.destroy();
      return;
    }
    const [status, code, detail] =
      err.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'REQUEST_HEADERS_TOO_LARGE', '请求头或地址过长（超过 16 KB）']
        : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? [408, 'REQUEST_TIMEOUT', '请求未在规定时间内发送完毕']
          : [400, 'MALFORMED_REQUEST', '请求格式不正确'];
    const body = JSON.stringify(problemOf(status, { code, detail, message: `${STATUS_CODES[status]} (${err.code ?? 'client error'})` }));
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}

/** Body types the services read: JSON, multipart uploads, CSV imports. */
const READABLE_BODY = /^(application\/(json|[\w.+-]+\+json)|multipart\/form-data|text\/csv)\s*(;|$)/i;

/**
 * A body of another type would be ignored by every parser and the route would run as if it had none; it is refused
 * with 415 instead, before anything reads it.
 */
function refuseUnsupportedBodies(req: Request, res: Response, next: NextFunction): void {
  const hasBody = Number(req.header('content-length') ?? 0) > 0 || req.header('transfer-encoding') !== undefined;
  const type = req.header('content-type') ?? '';
  if (!hasBody || READABLE_BODY.test(type)) return next();
  const status = 415;
  res
    .status(status)
    .type(PROBLEM_CONTENT_TYPE)
    .send(
      JSON.stringify(
        problemOf(status, {
          code: 'UNSUPPORTED_MEDIA_TYPE',
          detail: `不支持的内容类型“${type.slice(0, 100) || '（未声明）'}”：请以 application/json 提交（上传文件用 multipart/form-data）`,
          message: `unsupported content type ${JSON.stringify(type.slice(0, 100))}: send application/json (multipart/form-data for files)`,
        }),
      ),
    );
}

/** The service's OpenAPI document (served at /docs/openapi.json; the console's API types are generated from it). */
export function openApiDocument(app: INestApplication, opts: Pick<ServiceAppOptions, 'title' | 'description'>): OpenAPIObject {
  return SwaggerModule.createDocument(app, new DocumentBuilder().setTitle(opts.title).setDescription(opts.description).setVersion('1').addBearerAuth().build());
}
