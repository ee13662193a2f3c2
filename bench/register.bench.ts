// Benchmark of the public register (备案机构名录) search (not a test: it prints figures, it asserts nothing).
//
//   npm run bench:register [-- --quick | --institutions 10000 --seconds 10 --connections 10]
//
// The publication service runs as in production (its own process, its migrations, the real broker and database)
// over `institutions` filed institutions seeded straight into its register (deterministic: names from city, trade
// and kind words; 1–4 occupations each with levels; every city and the province). autocannon drives
// GET /public/register searches by name fragment, by occupation (code or name) and by city, and, in the same run, a
// bare NestJS endpoint answering a page of the same size: requests/s at capacity and the ratio, then p99 at half of
// each search's own capacity. The plan PostgreSQL chose for each search is printed (which index it used).
import 'reflect-metadata';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Client } from 'pg';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon');
import { ServiceProcess, startServiceProcess, waitFor } from '@filing/testing';
import { benchEnvironment } from './lib/environment';
import { arg, Figure, report } from './lib/report';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { jurisdictions } = require('../libs/contracts/src/vocabulary/jurisdictions.json');

const INSTITUTIONS = arg('institutions', 10_000);
const SECONDS = arg('seconds', 10, 3);
const CONNECTIONS = arg('connections', 10);

const TRADES = [
  '汽车',
  '模具',
  '机械',
  '电子',
  '化工',
  '建筑',
  '烹饪',
  '家政',
  '养老',
  '护理',
  '物流',
  '电商',
  '信息',
  '农业',
  '纺织',
  '石化',
  '冶金',
  '旅游',
  '美容',
  '茶艺',
];
const KINDS = ['职业技能培训学校', '技工学校', '职业技术学院', '有限公司', '集团股份有限公司', '行业协会'];
const OCCUPATIONS = [
  ['6-18-01-01', '车工'],
  ['6-18-01-02', '铣工'],
  ['6-20-01-01', '钳工'],
  ['6-18-02-04', '焊工'],
  ['6-31-01-03', '电工'],
  ['4-10-03-01', '美容师'],
  ['4-10-03-02', '美发师'],
  ['4-03-02-01', '中式烹调师'],
  ['4-03-02-02', '中式面点师'],
  ['4-10-01-02', '保育师'],
  ['4-10-01-03', '育婴员'],
  ['4-10-01-05', '养老护理员'],
  ['4-10-01-06', '家政服务员'],
  ['4-01-02-02', '电子商务师'],
  ['4-12-01-01', '汽车维修工'],
  ['4-03-02-06', '茶艺师'],
  ['4-04-05-05', '网络与信息安全管理员'],
  ['4-02-06-02', '物流服务师'],
  ['6-29-01-01', '砌筑工'],
  ['6-11-01-01', '化工总控工'],
].map(([code, name]) => ({ code, name }));

/** The register, seeded in one statement from a JSON array (deterministic: the i-th institution is always the same). */
async function seed(db: Client) {
  const cities = jurisdictions.filter((j: { level: string }) => j.level === 'city' || j.level === 'province');
  const rows = Array.from({ length: INSTITUTIONS }, (_, i) => {
    const j = cities[i % cities.length];
    const trade = TRADES[(i * 7) % TRADES.length];
    const kind = KINDS[(i * 11) % KINDS.length];
    const occ = Array.from({ length: 1 + (i % 4) }, (_, k) => OCCUPATIONS[(i * 3 + k * 5) % OCCUPATIONS.length]).filter(
      (o, k, all) => all.findIndex((x) => x.code === o.code) === k,
    );
    return {
      credit_code: `9122${String(i).padStart(14, '0')}`,
      name: `${j.name.replace(/(市|州|省|管委会)$/, '')}${['第一', '红旗', '新兴', '长城', '东方', '北方', '华夏', '正阳'][i % 8]}${trade}${kind}${i}`,
      kind: kind.endsWith('公司') ? 'enterprise' : kind.endsWith('协会') ? 'association' : 'school',
      jurisdiction: j.code,
      jurisdiction_name: j.name,
      scope: 'all',
      contact: { person: '联系人', phone: '0431-88888888', address: `${j.name}人民大街${i}号` },
      occupations: occ.map((o, k) => ({ code: o.code, name: o.name, levels: [5, 4, 3].slice(0, 1 + ((i + k) % 3)) })),
      filings: [{ noticeNumber: `吉人社备〔2026〕${i + 1}号`, noticeDate: '2026-03-01', occupations: occ.map((o) => o.code) }],
      notice_number: `吉人社备〔2026〕${i + 1}号`,
      notice_date: `2026-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
      status: i % 50 === 0 ? 'suspended' : i % 97 === 0 ? 'withdrawn' : 'valid',
      filing_number: `220000-2026-${String(i + 1).padStart(5, '0')}`,
      address: `${j.name}人民大街${i}号`,
    };
  });
  await db.query(
    `INSERT INTO publication.register_entry (credit_code, name, kind, jurisdiction, jurisdiction_name, scope, contact, occupations, filings, notice_number,
            notice_date, status, first_filed_at, updated_at, filing_number, address, source)
     SELECT credit_code, name, kind, jurisdiction, jurisdiction_name, scope, contact, occupations, filings, notice_number, notice_date, status, now(), now(),
            filing_number, address, 'platform'
       FROM jsonb_to_recordset($1::jsonb) AS x(credit_code text, name text, kind text, jurisdiction text, jurisdiction_name text, scope text, contact jsonb,
            occupations jsonb, filings jsonb, notice_number text, notice_date date, status text, filing_number text, address text)`,
    [JSON.stringify(rows)],
  );
  await db.query('ANALYZE publication.register_entry');
}

interface Load {
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

async function cannon(url: string, paths: string[], rate?: number): Promise<Load> {
  const r = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: paths.map((p) => ({ method: 'GET', path: p })),
    ...(rate ? { overallRate: Math.max(1, Math.round(rate)) } : {}),
  });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors };
}

const enc = (s: string) => encodeURIComponent(s);
const SEARCHES: Record<string, string[]> = {
  'name fragment': ['第一汽车', '红旗模具', '长城机械', '职业技能培训', '新兴电子', '东方化工', '技工学校', '华夏建筑'].map(
    (n) => `/public/register?name=${enc(n)}`,
  ),
  occupation: ['6-18-02-04', '养老护理员', '4-03-02-01', '电工', '6-18-01-01', '茶艺师', '美容', '4-10-01-06'].map(
    (o) => `/public/register?occupation=${enc(o)}`,
  ),
  city: ['220100', '220200', '220300', '220400', '220500', '220600', '220700', '220800'].map((c) => `/public/register?city=${c}`),
};

async function plans(db: Client) {
  const probe: Record<string, string> = {
    'name fragment': `SELECT count(*) FROM publication.register_entry r WHERE r.status = ANY('{valid,suspended}') AND r.name ILIKE '%第一汽车%'`,
    occupation: `SELECT count(*) FROM publication.register_entry r WHERE r.status = ANY('{valid,suspended}') AND r.occupations @> '[{"code":"6-18-02-04"}]'`,
    city: `SELECT count(*) FROM publication.register_entry r WHERE r.status = ANY('{valid,suspended}') AND r.jurisdiction = '220100'`,
  };
  for (const [kind, sql] of Object.entries(probe)) {
    const { rows } = await db.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`);
    const plan = rows[0]['QUERY PLAN'][0];
    const nodes: string[] = [];
    const walk = (n: any) => {
      nodes.push(n['Index Name'] ? `${n['Node Type']} on ${n['Index Name']}` : n['Node Type']);
      (n.Plans ?? []).forEach(walk);
    };
    walk(plan.Plan);
    console.log(`  plan, ${kind}: ${nodes.join(' → ')} (${plan['Execution Time'].toFixed(2)} ms)`);
  }
}

async function main() {
  const env = await benchEnvironment('register', { catalogue: true });
  let publication: ServiceProcess | undefined;
  let bare: ServiceProcess | undefined;
  const db = new Client({ connectionString: env.databaseUrl });
  try {
    publication = await startServiceProcess({ service: 'publication', name: 'bench-publication', env: { LOG_LEVEL: 'warn' } });
    await db.connect();
    const t0 = Date.now();
    await seed(db);
    console.log(
      `register bench: ${INSTITUTIONS.toLocaleString('en')} filed institutions seeded in ${Date.now() - t0} ms; autocannon ${CONNECTIONS} connections, ${SECONDS} s per run`,
    );
    await plans(db);
    const first = await fetch(`${publication.url}/public/register?name=${enc('汽车')}`);
    if (first.status !== 200) throw new Error(`GET /public/register answered ${first.status}`);
    const pageFile = path.resolve(__dirname, '..', '.local', 'bench', 'register-page.json');
    fs.mkdirSync(path.dirname(pageFile), { recursive: true });
    fs.writeFileSync(pageFile, await first.text());
    bare = await startServiceProcess({
      entry: 'bench/fixtures/bare-nest.main.ts',
      name: 'bench-bare-nest',
      waitFor: 'none',
      env: { REGISTER_PAGE_FILE: pageFile },
    });
    await waitFor('the bare NestJS endpoint', async () => (await fetch(`${bare!.url}/bare`).catch(() => undefined))?.status === 200, 60000, 200);

    // Warm both processes up (JIT, connection pools) before measuring.
    await cannon(bare.url, ['/bare'], undefined);
    await cannon(publication.url, SEARCHES['name fragment']);
    const base = await cannon(bare.url, ['/bare']);
    const halfBase = await cannon(bare.url, ['/bare'], base.rps / 2);
    console.log(`  bare NestJS endpoint: ${base.rps.toFixed(0)} req/s (p99 ${base.p99} ms); at half that rate p50 ${halfBase.p50} ms, p99 ${halfBase.p99} ms`);
    const figures: Figure[] = [];
    for (const [kind, paths] of Object.entries(SEARCHES)) {
      const full = await cannon(publication.url, paths);
      const half = await cannon(publication.url, paths, full.rps / 2);
      if (full.non2xx || full.errors) throw new Error(`${kind}: ${full.non2xx} non-2xx answers, ${full.errors} errors`);
      console.log(
        `  search by ${kind.padEnd(14)} ${full.rps.toFixed(0).padStart(6)} req/s (p99 ${full.p99} ms); at half that rate p50 ${half.p50} ms, p99 ${half.p99} ms`,
      );
      figures.push(
        {
          bench: 'register',
          figure: `register search by ${kind}`,
          value: full.rps,
          unit: 'req/s',
          baseline: { name: 'bare NestJS', value: base.rps, unit: 'req/s' },
          ratio: full.rps / base.rps,
          goal: '≥ 0.50×',
          met: full.rps / base.rps >= 0.5,
        },
        {
          bench: 'register',
          figure: `register by ${kind}, p99 at half rate (${(full.rps / 2).toFixed(0)}/s)`,
          value: half.p99,
          unit: 'ms',
          baseline: { name: 'bare NestJS at half its rate', value: halfBase.p99, unit: 'ms' },
          goal: '≤ 50 ms',
          met: half.p99 <= 50,
        },
      );
    }
    report(figures);
  } finally {
    await db.end().catch(() => undefined);
    await bare?.stop();
    await publication?.stop();
    await env.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
