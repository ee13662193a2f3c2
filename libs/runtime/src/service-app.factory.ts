import { INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { runWithCorrelation } from './correlation.context';
import { HttpErrorFilter } from './http-error.filter';
import { JsonLogger } from './json.logger';
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
  app.useGlobalPipes(strictValidationPipe());
  app.useGlobalFilters(new HttpErrorFilter());
  app.enableShutdownHooks();
  const doc = SwaggerModule.createDocument(
    app,
    new DocumentBuilder().setTitle(opts.title).setDescription(opts.description).setVersion('1').addBearerAuth().build(),
  );
  SwaggerModule.setup('docs', app, doc, { jsonDocumentUrl: 'docs/openapi.json' });
  return app;
}
