// Every HTTP route of every service, from the services' own OpenAPI documents (built in-process in Nest's preview
// mode, as the console's API types are) and their controllers' metadata (who may call it: @Public, @Roles).
// `node -r @swc-node/register test/e2e/trust-boundary/route-catalogue.ts <out.json>` writes it; the HTTP fuzz suite
// runs it in a child process, so the services' modules never load into the test process.
import 'reflect-metadata';
import * as fs from 'node:fs';
import { ModulesContainer } from '@nestjs/core';
import { PATH_METADATA } from '@nestjs/common/constants';
import { IS_PUBLIC_KEY, ROLES_KEY } from '@filing/auth';
import { completeSchemas, Schema, SERVICES, withPreviewApp } from '../../../tools/console/openapi-documents';
import { openApiDocument } from '@filing/runtime';

export interface RouteAccess {
  public: boolean;
  /** Roles the route names; empty: any signed-in caller. */
  roles: string[];
}

export interface ServiceRoutes {
  service: string;
  document: { paths: Record<string, Record<string, unknown>>; components?: { schemas?: Record<string, Schema> } };
  /** By operationId (`<Controller>_<method>`, Nest's default). */
  access: Record<string, RouteAccess>;
}

async function routesOf(service: string, title: string): Promise<ServiceRoutes> {
  return withPreviewApp(service, (app) => {
    const document = openApiDocument(app, { title, description: `${service} HTTP API` }) as unknown as ServiceRoutes['document'];
    completeSchemas(document as Parameters<typeof completeSchemas>[0]);
    const access: Record<string, RouteAccess> = {};
    for (const mod of app.get(ModulesContainer).values()) {
      for (const wrapper of mod.controllers.values()) {
        const cls = wrapper.metatype as (new (...args: never[]) => unknown) | undefined;
        if (!cls || Reflect.getMetadata(PATH_METADATA, cls) === undefined) continue;
        for (const method of Object.getOwnPropertyNames(cls.prototype)) {
          const handler = (cls.prototype as Record<string, unknown>)[method];
          if (method === 'constructor' || typeof handler !== 'function' || Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
          const isPublic = Reflect.getMetadata(IS_PUBLIC_KEY, handler) ?? Reflect.getMetadata(IS_PUBLIC_KEY, cls) ?? false;
          const roles: string[] = Reflect.getMetadata(ROLES_KEY, handler) ?? Reflect.getMetadata(ROLES_KEY, cls) ?? [];
          access[`${cls.name}_${method}`] = { public: !!isPublic, roles };
        }
      }
    }
    return { service, document, access };
  });
}

async function main(): Promise<void> {
  const out = process.argv[2];
  if (!out) throw new Error('usage: route-catalogue.ts <out.json>');
  const all: ServiceRoutes[] = [];
  for (const s of SERVICES) all.push(await routesOf(s.name, s.title));
  fs.writeFileSync(out, JSON.stringify(all));
}

if (require.main === module) {
  main().catch((err) => {
    process.stderr.write(`${err.stack ?? err}\n`);
    process.exit(1);
  });
}
