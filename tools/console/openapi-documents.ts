// The services' OpenAPI documents, built in-process from each service's AppModule in Nest's preview mode (routes and
// DTO metadata only: no database, no broker, nothing listens). The console's API types (openapi-types.ts) and the HTTP
// fuzz suite (test/e2e/trust-boundary) are generated from them.
import 'reflect-metadata';
import * as path from 'node:path';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { defaultMetadataStorage } from 'class-transformer/cjs/storage';
import { ValidationTypes } from 'class-validator';
import { validationMetadatasToSchemas } from 'class-validator-jsonschema';
import { openApiDocument } from '@filing/runtime';

const ROOT = path.resolve(__dirname, '..', '..');
export const SERVICES: { name: string; title: string }[] = [
  { name: 'intake', title: 'Intake service' },
  { name: 'review', title: 'Review service' },
  { name: 'expert-pool', title: 'Expert pool service' },
  { name: 'assessment', title: 'Assessment service' },
  { name: 'publication', title: 'Publication service' },
  { name: 'notification', title: 'Notification service' },
];

/** The service's application in preview mode, for `use` (its document, its controllers' metadata), then closed. */
export async function withPreviewApp<T>(service: string, use: (app: INestApplication) => T | Promise<T>): Promise<T> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { AppModule } = require(path.join(ROOT, 'services', service, 'src', 'app.module'));
  const app = await NestFactory.create(AppModule, { preview: true, logger: false, abortOnError: false });
  try {
    return await use(app);
  } finally {
    await app.close();
  }
}

export async function documentOf(service: string, title: string): Promise<unknown> {
  return withPreviewApp(service, (app) => openApiDocument(app, { title, description: `${service} HTTP API` }));
}

export type Schema = { type?: string; properties?: Record<string, unknown>; $ref?: string; [k: string]: unknown };

/**
 * Value objects from libs/contracts (InstitutionPart, OccupationPart, …) carry class-validator rules but no Swagger
 * decorators, so the document shows them as empty objects. Their shape is filled in from those rules (the same
 * source the AsyncAPI document uses), with every schema they refer to.
 */
export function completeSchemas(doc: { components?: { schemas?: Record<string, Schema> } }): void {
  const schemas = doc.components?.schemas ?? {};
  const fromRules = validationMetadatasToSchemas({
    refPointerPrefix: '#/components/schemas/',
    classTransformerMetadataStorage: defaultMetadataStorage,
    // As in the AsyncAPI document: a required nested object is said by `required`, not by `not: null` beside its $ref.
    additionalConverters: { [ValidationTypes.IS_DEFINED]: {}, isObject: {} },
  }) as Record<string, Schema>;
  const pending = Object.keys(schemas).filter((n) => !schemas[n].properties || Object.keys(schemas[n].properties!).length === 0);
  while (pending.length) {
    const name = pending.pop()!;
    if (!fromRules[name]) continue;
    schemas[name] = fromRules[name];
    for (const ref of JSON.stringify(fromRules[name]).matchAll(/#\/components\/schemas\/(\w+)/g)) if (!schemas[ref[1]]) pending.push(ref[1]);
  }
}
