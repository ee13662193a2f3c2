// Each end-to-end spec file, and each in-process spec of a use case's handler (`*.handler.spec.ts`), gets a database
// of its own, created fresh: what it reads is only what that file did, so no spec depends on which files ran before
// it. Unit specs need no database and get none.
'use strict';
const crypto = require('node:crypto');
const path = require('node:path');
const { freshDatabase } = require('./fresh-database');

const testPath = expect.getState().testPath ?? '';
if (testPath.endsWith('.e2e-spec.ts') || testPath.endsWith('.handler.spec.ts')) {
  const base = new URL(process.env.DATABASE_URL);
  const runDb = base.pathname.slice(1);
  const name = `${runDb}_${crypto.createHash('sha1').update(path.relative(process.cwd(), testPath)).digest('hex').slice(0, 10)}`;
  const admin = new URL(base);
  admin.pathname = '/postgres';
  const url = new URL(base);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();

  beforeAll(() => freshDatabase(admin.toString(), name));
}
