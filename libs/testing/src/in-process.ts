import { INestApplication, ModuleMetadata } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { HttpErrorFilter, strictValidationPipe } from '@filing/runtime';

/**
 * A service's modules wired in this process by @nestjs/testing, with the HTTP edge every service has (the strict
 * validation pipe and the problem-details filter), initialised and ready for supertest.
 */
export async function inProcessApp(imports: NonNullable<ModuleMetadata['imports']>): Promise<INestApplication> {
  const moduleRef = await Test.createTestingModule({ imports }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  app.useGlobalPipes(strictValidationPipe());
  app.useGlobalFilters(new HttpErrorFilter());
  await app.init();
  return app;
}
