// Boots a small Nest app with AuthModule and drives it over HTTP, as a service would be driven.
import { Controller, Get, INestApplication } from '@nestjs/common';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { SignJWT } from 'jose';
import request from 'supertest';
import { AuthConfigError, AuthModule, CurrentPrincipal, Principal, Public, Roles, issueDevToken } from '../src';

const SECRET = 'http-guard-test-secret-0123456789abcdef';
const ENV = { AUTH_HS256_SECRET: SECRET };
const CREDIT_CODE = '91220101MA0Y2K3X4L';

@Controller('cases')
class CasesController {
  @Public()
  @Get('public')
  open() {
    return { ok: true };
  }

  @Roles('center-staff')
  @Get('staff')
  staff(@CurrentPrincipal() principal: Principal) {
    return { principal, province: principal.isProvince() };
  }

  @Roles('applicant')
  @Get('mine')
  mine(@CurrentPrincipal() principal: Principal) {
    return { creditCode: principal.creditCode };
  }

  @Get('any')
  any(@CurrentPrincipal() principal: Principal) {
    return { sub: principal.sub };
  }
}

@Public()
@Controller('health')
class HealthController {
  @Get('live')
  live() {
    return { status: 'up' };
  }
}

@Roles('admin')
@Controller('admin')
class AdminController {
  @Get()
  list() {
    return [];
  }

  @Roles('approver', 'admin')
  @Get('approvals')
  approvals() {
    return [];
  }
}

async function boot(env: Record<string, string | undefined>): Promise<INestApplication> {
  @Module({ imports: [AuthModule.forRoot({ env })], controllers: [CasesController, HealthController, AdminController] })
  class AppModule {}
  const app = await NestFactory.create(AppModule, { logger: false, abortOnError: false });
  return app.init();
}

describe('AuthGuard over HTTP', () => {
  let app: INestApplication;
  const token = (options: Parameters<typeof issueDevToken>[0]) => issueDevToken(options, ENV);

  beforeAll(async () => {
    app = await boot(ENV);
  });
  afterAll(() => app.close());

  it('lets public routes and public controllers through without a token', async () => {
    await request(app.getHttpServer()).get('/cases/public').expect(200, { ok: true });
    await request(app.getHttpServer()).get('/health/live').expect(200, { status: 'up' });
  });

  it('401 without a token, with a bearer challenge and a JSON message', async () => {
    const res = await request(app.getHttpServer()).get('/cases/staff').expect(401);
    expect(res.body).toEqual({ statusCode: 401, error: 'Unauthorized', code: 'UNAUTHENTICATED', message: 'missing bearer token' });
    expect(res.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
    await request(app.getHttpServer()).get('/cases/any').set('Authorization', 'Basic dXNlcjpwYXNz').expect(401);
  });

  it('401 for a token with a bad signature', async () => {
    const forged = await issueDevToken({ roles: ['center-staff'], jurisdiction: '220100' }, { AUTH_HS256_SECRET: 'x'.repeat(40) });
    const res = await request(app.getHttpServer()).get('/cases/staff').auth(forged, { type: 'bearer' }).expect(401);
    expect(res.body.message).toBe('token signature invalid');
  });

  it('401 for an expired token', async () => {
    const expired = await token({ roles: ['center-staff'], jurisdiction: '220100', ttl: '1h ago' });
    const res = await request(app.getHttpServer()).get('/cases/staff').auth(expired, { type: 'bearer' }).expect(401);
    expect(res.body.message).toBe('token expired');
  });

  it('403 naming the claim for a well-signed token whose claims are invalid (the account is not provisioned)', async () => {
    const applicantWithoutCode = await new SignJWT({ roles: ['applicant'], jurisdiction: '220100' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('a')
      .setIssuer('jl-filing-dev')
      .setAudience('jl-filing')
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(SECRET));
    const res = await request(app.getHttpServer()).get('/cases/mine').auth(applicantWithoutCode, { type: 'bearer' }).expect(403);
    expect(res.body).toMatchObject({ code: 'ACCOUNT_NOT_PROVISIONED', claim: 'creditCode' });
    expect(res.body.message).toMatch(/creditCode/);
  });

  it('403 naming the required roles when the role is wrong', async () => {
    const applicant = await token({ roles: ['applicant'], jurisdiction: '220100', creditCode: CREDIT_CODE });
    const res = await request(app.getHttpServer()).get('/cases/staff').auth(applicant, { type: 'bearer' }).expect(403);
    expect(res.body).toEqual({ statusCode: 403, error: 'Forbidden', code: 'FORBIDDEN', message: 'requires one of the roles: center-staff' });
  });

  it('200 with the principal for the right role', async () => {
    const staff = await token({ roles: ['center-staff'], jurisdiction: '220100', sub: 'staff-1', name: '李四' });
    const res = await request(app.getHttpServer()).get('/cases/staff').auth(staff, { type: 'bearer' }).expect(200);
    expect(res.body).toEqual({
      principal: { sub: 'staff-1', roles: ['center-staff'], jurisdiction: '220100', name: '李四' },
      province: false,
    });

    const applicant = await token({ roles: ['applicant'], jurisdiction: '220100', creditCode: CREDIT_CODE });
    await request(app.getHttpServer()).get('/cases/mine').auth(applicant, { type: 'bearer' }).expect(200, { creditCode: CREDIT_CODE });
  });

  it('any valid token passes a route without @Roles', async () => {
    const expert = await token({ roles: ['expert'], jurisdiction: '220200', expertId: 'EXP-1', sub: 'e1' });
    await request(app.getHttpServer()).get('/cases/any').auth(expert, { type: 'bearer' }).expect(200, { sub: 'e1' });
  });

  it('controller-level @Roles applies, and a handler-level @Roles replaces it', async () => {
    const admin = await token({ roles: ['admin'], jurisdiction: '220000' });
    const approver = await token({ roles: ['approver'], jurisdiction: '220000' });
    await request(app.getHttpServer()).get('/admin').auth(admin, { type: 'bearer' }).expect(200);
    await request(app.getHttpServer()).get('/admin').auth(approver, { type: 'bearer' }).expect(403);
    await request(app.getHttpServer()).get('/admin/approvals').auth(approver, { type: 'bearer' }).expect(200);
  });

  it('fails the boot when no key is configured', async () => {
    await expect(boot({ NODE_ENV: 'production' })).rejects.toThrow(AuthConfigError);
  });

  it('fails the boot in production with a shared secret: services must hold no key that can sign', async () => {
    await expect(boot({ NODE_ENV: 'production', AUTH_HS256_SECRET: SECRET })).rejects.toThrow(/development convenience/);
  });
});
