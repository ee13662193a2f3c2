// Verifies RS256 tokens against a JWKS served over HTTP, as from the province's identity provider.
import { Controller, Get, INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import request from 'supertest';
import { AuthModule, CurrentPrincipal, InvalidTokenError, KeySourceUnavailableError, Principal, Roles, TokenVerifier } from '../src';

type PrivateKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

const ISSUER = 'https://idp.example.jl.gov.cn';
const KID = 'key-2026';

describe('JWKS verification', () => {
  let server: Server;
  let jwksUrl: string;
  let privateKey: PrivateKey;
  let jwksRequests = 0;

  const sign = (key: PrivateKey, kid = KID, claims: Record<string, unknown> = { roles: ['center-staff'], jurisdiction: '220000' }) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid })
      .setSubject('idp-user-1')
      .setIssuer(ISSUER)
      .setAudience('jl-filing')
      .setExpirationTime('5m')
      .sign(key);

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    privateKey = pair.privateKey;
    const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(pair.publicKey)), kid: KID, alg: 'RS256', use: 'sig' }] });
    server = createServer((req, res) => {
      jwksRequests++;
      if (req.url !== '/jwks.json') return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'application/json' }).end(jwks);
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`;
  });
  afterAll(() => new Promise((done) => server.close(done)));

  const verifier = () => TokenVerifier.fromEnv({ AUTH_JWKS_URL: jwksUrl, AUTH_ISSUER: ISSUER });

  it('verifies an RS256 token signed with a key from the set', async () => {
    const principal = await verifier().verify(await sign(privateKey));
    expect(principal).toMatchObject({ sub: 'idp-user-1', roles: ['center-staff'], jurisdiction: '220000' });
    expect(jwksRequests).toBeGreaterThan(0);
  });

  it('rejects a token signed by a key outside the set, or naming an unknown kid', async () => {
    const { privateKey: other } = await generateKeyPair('RS256');
    await expect(verifier().verify(await sign(other))).rejects.toThrow(new InvalidTokenError('token signature invalid'));
    await expect(verifier().verify(await sign(privateKey, 'unknown-kid'))).rejects.toThrow(InvalidTokenError);
  });

  it('reports an unreachable JWKS as unavailable, not as a bad token', async () => {
    const closed = createServer();
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((done) => closed.close(done));
    const down = TokenVerifier.fromEnv({ AUTH_JWKS_URL: `http://127.0.0.1:${port}/jwks.json`, AUTH_ISSUER: ISSUER });
    await expect(down.verify(await sign(privateKey))).rejects.toBeInstanceOf(KeySourceUnavailableError);
  });

  async function bootWith(url: string): Promise<INestApplication> {
    @Controller('staff')
    class StaffController {
      @Roles('center-staff')
      @Get()
      me(@CurrentPrincipal() principal: Principal) {
        return principal;
      }
    }
    @Module({ imports: [AuthModule.forRoot({ env: { AUTH_JWKS_URL: url, AUTH_ISSUER: ISSUER } })], controllers: [StaffController] })
    class AppModule {}
    const app = await NestFactory.create(AppModule, { logger: false, abortOnError: false });
    return app.init();
  }

  it('works through AuthModule: 200 with the principal', async () => {
    const app = await bootWith(jwksUrl);
    try {
      const res = await request(app.getHttpServer())
        .get('/staff')
        .auth(await sign(privateKey), { type: 'bearer' })
        .expect(200);
      expect(res.body).toEqual({ sub: 'idp-user-1', roles: ['center-staff'], jurisdiction: '220000' });
    } finally {
      await app.close();
    }
  });

  it('answers 503 through AuthModule when the JWKS cannot be fetched', async () => {
    const app = await bootWith(jwksUrl.replace('/jwks.json', '/missing.json'));
    try {
      const res = await request(app.getHttpServer())
        .get('/staff')
        .auth(await sign(privateKey), { type: 'bearer' })
        .expect(503);
      expect(res.body.message).toBe('token verification temporarily unavailable');
    } finally {
      await app.close();
    }
  });
});
