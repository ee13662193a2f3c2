import { Body, Controller, Get, INestApplication, Module, NotFoundException, Post } from '@nestjs/common';
import { IsDefined, IsInt, IsObject, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { Client } from 'pg';
import { QueryRunnerAlreadyReleasedError } from 'typeorm';
import { IllegalStep, NotFound, RuleRefusal } from './domain-error';
import { createServiceApp } from './service-app.factory';

class Contact {
  @IsString() @MaxLength(5) phone!: string;
}
class Sample {
  @IsInt() @Min(1) @Max(10) page!: number;
  @IsDefined() @IsObject() @ValidateNested() @Type(() => Contact) contact!: Contact;
}

@Controller('probe')
class ProbeController {
  @Post() echo(@Body() body: Sample) {
    return body;
  }
  @Get('boom') boom() {
    throw new Error('database password is hunter2');
  }
  /** What a request meets while PostgreSQL restarts: its own connection terminated by the server (57P01). */
  @Get('database-gone') async databaseGone() {
    const db = new Client({ connectionString: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' });
    db.on('error', () => undefined);
    await db.connect();
    try {
      await db.query('SELECT pg_terminate_backend(pg_backend_pid())');
    } finally {
      await db.end().catch(() => undefined);
    }
  }
  @Get('runner-released') runnerReleased() {
    throw new QueryRunnerAlreadyReleasedError();
  }
  @Get('missing') missing() {
    throw new NotFoundException({ message: 'case x not found', status: 'DRAWN' });
  }
  @Get('illegal') illegal() {
    throw new IllegalStep({ message: 'cannot accept at CLOSED', currentStage: 'CLOSED', allowedActions: [] });
  }
  @Get('gone') gone() {
    throw new NotFound('case y not found');
  }
  @Get('unmet') unmet() {
    throw new RuleRefusal({ error: 'Unprocessable Entity', message: 'not enough experts', unmet: [{ requirement: 'groupSize' }] });
  }
}
@Module({ controllers: [ProbeController] })
class ProbeModule {}

/** The error contract of every service (one filter, one pipe, in createServiceApp): a real app on a real socket. */
describe('problem details for every error', () => {
  let app: INestApplication;
  let url: string;
  beforeAll(async () => {
    app = await createServiceApp(ProbeModule, { name: 'probe', title: 'probe', description: 'probe' });
    await app.listen(0, '127.0.0.1');
    url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  });
  afterAll(() => app?.close());

  const post = (body: string, type = 'application/json') => fetch(`${url}/probe`, { method: 'POST', headers: { 'content-type': type }, body });

  it('a refused body names each field with its code, the old message kept beside', async () => {
    const res = await post(JSON.stringify({ page: 1e20, contact: { phone: '0431-85901234' }, extra: 1 }));
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const body = (await res.json()) as any;
    expect(body).toMatchObject({
      type: 'about:blank',
      status: 400,
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      title: '请求内容有误',
      message: expect.stringContaining('invalid request'),
    });
    expect(body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'page', code: 'OUT_OF_RANGE' }),
        expect.objectContaining({ field: 'contact.phone', code: 'TOO_LONG' }),
        expect.objectContaining({ field: 'extra', code: 'UNKNOWN_FIELD' }),
      ]),
    );
    const missing = (await (await post(JSON.stringify({ page: 1 }))).json()) as any;
    expect(missing.errors).toEqual([expect.objectContaining({ field: 'contact', code: 'REQUIRED' })]);
  });

  it('broken JSON is MALFORMED_BODY; a body of a type nobody reads is 415', async () => {
    const broken = await post('{"page": 1,');
    expect(broken.status).toBe(400);
    expect(await broken.json()).toMatchObject({ code: 'MALFORMED_BODY', status: 400 });
    const text = await post('page=1', 'text/plain');
    expect(text.status).toBe(415);
    expect(await text.json()).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', status: 415 });
    const array = await post('[1,2]');
    expect(array.status).toBe(400);
    expect(await array.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('a body nested beyond any request, or U+0000 anywhere, is refused before the validators (they overflowed, PostgreSQL refused)', async () => {
    const deep = await post(`${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`);
    expect(deep.status).toBe(400);
    expect(await deep.json()).toMatchObject({ code: 'TOO_DEEP' });
    const nul = await post(JSON.stringify({ page: 1, contact: { phone: 'a\u0000b' } }));
    expect(nul.status).toBe(400);
    expect(await nul.json()).toMatchObject({ code: 'INVALID_CHARACTER' });
  });

  it('what Node refuses before Express (a URL over 16 KB) is a problem document too', async () => {
    const res = await fetch(`${url}/probe/missing?q=${'x'.repeat(20_000)}`);
    expect(res.status).toBe(431);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await res.json()).toMatchObject({ status: 431, code: 'REQUEST_HEADERS_TOO_LARGE' });
  });

  it('an unexpected error is INTERNAL_ERROR with the correlation id and nothing of the error', async () => {
    const res = await fetch(`${url}/probe/boom`, { headers: { 'x-correlation-id': 'help-desk-42' } });
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text)).toMatchObject({ status: 500, code: 'INTERNAL_ERROR', correlationId: 'help-desk-42' });
    expect(text).not.toMatch(/hunter2|at ProbeController|\.ts:\d+/);
  });

  it('a database going away mid-request is 503 DATABASE_UNAVAILABLE with Retry-After, not a 500', async () => {
    for (const path of ['database-gone', 'runner-released']) {
      const res = await fetch(`${url}/probe/${path}`);
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('5');
      expect(await res.json()).toMatchObject({ status: 503, code: 'DATABASE_UNAVAILABLE', detail: expect.stringContaining('数据库暂时不可用') });
    }
  });

  it('a 404 keeps its message; a record state sent as `status` moves to `state` (status is the HTTP status)', async () => {
    const res = await fetch(`${url}/probe/missing`);
    expect(await res.json()).toMatchObject({ status: 404, code: 'NOT_FOUND', detail: 'case x not found', message: 'case x not found', state: 'DRAWN' });
  });

  it('answers a domain error with its status and its fields as a problem document', async () => {
    const illegal = await fetch(`${url}/probe/illegal`);
    expect(illegal.status).toBe(409);
    expect(illegal.headers.get('content-type')).toContain('application/problem+json');
    expect(await illegal.json()).toMatchObject({
      status: 409,
      code: 'CONFLICT',
      title: '当前状态不允许此操作',
      message: 'cannot accept at CLOSED',
      currentStage: 'CLOSED',
      allowedActions: [],
      statusCode: 409,
      error: 'Conflict',
    });
    const gone = await fetch(`${url}/probe/gone`);
    expect(gone.status).toBe(404);
    expect(await gone.json()).toMatchObject({ code: 'NOT_FOUND', detail: 'case y not found', message: 'case y not found', error: 'Not Found' });
    const unmet = await fetch(`${url}/probe/unmet`);
    expect(unmet.status).toBe(422);
    expect(await unmet.json()).toMatchObject({ code: 'UNPROCESSABLE', unmet: [{ requirement: 'groupSize' }] });
  });
});
