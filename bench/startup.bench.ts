// Benchmark of `npm start` (not a test: it prints figures, it asserts nothing).
//
//   npm run bench:startup [-- --quick]
//
// Runs `node tools/start.js` (what `npm start` runs) on a fresh database, with its own broker port (KAFKA_PORT, so the
// broker is started cold, its jars cached in .local/), its own ports (PORT_OFFSET) and development sign-in, and times
// it from the spawn to each "ready <service>" line: all services ready is the figure; the console and the demo data
// ("The platform is up") are printed beside it. Then Ctrl-C (SIGINT) stops everything it started, broker included.
// The baseline, in the same run: one bare NestJS process through the same TypeScript loader, spawn to first answer —
// the floor of any service start on this machine.
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { startServiceProcess, waitFor } from '@filing/testing';
import { ADMIN_URL } from './lib/environment';
import { report } from './lib/report';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { freshDatabase } = require('../tools/test/fresh-database');

const ROOT = path.resolve(__dirname, '..');
const KAFKA_PORT = Number(process.env.BENCH_STARTUP_KAFKA_PORT ?? 19310);
const PORT_OFFSET = Number(process.env.BENCH_STARTUP_PORT_OFFSET ?? 2000);

async function bareStart(): Promise<number> {
  const t0 = Date.now();
  const bare = await startServiceProcess({ entry: 'bench/fixtures/bare-nest.main.ts', name: 'bench-bare-start', waitFor: 'none' });
  await waitFor('the bare NestJS process', async () => (await fetch(`${bare.url}/bare`).catch(() => undefined))?.status === 200, 60000, 50);
  const ms = Date.now() - t0;
  await bare.stop();
  return ms;
}

async function main() {
  const databaseUrl = await freshDatabase(ADMIN_URL, `${process.env.BENCH_DATABASE_PREFIX ?? 'filing_bench'}_startup`);
  const floor = await bareStart();
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    DATABASE_URL: databaseUrl,
    KAFKA_PORT: String(KAFKA_PORT),
    KAFKA_CONTROLLER_PORT: String(KAFKA_PORT + 1),
    KAFKA_DATA_DIR: path.join(ROOT, '.local', `kafka-bench-startup-${KAFKA_PORT}`),
    PORT_OFFSET: String(PORT_OFFSET),
  };
  delete env.KAFKA_BROKERS;
  delete env.IDP;
  const t0 = Date.now();
  const child = spawn(process.execPath, ['tools/start.js'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const marks: { line: string; ms: number }[] = [];
  let buffered = '';
  let up!: () => void;
  let failed!: (e: Error) => void;
  const platformUp = new Promise<void>((resolve, reject) => ((up = resolve), (failed = reject)));
  const onData = (b: Buffer) => {
    buffered += b.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop()!;
    for (const line of lines) {
      if (/^(ready|not ready|starting|Kafka:|start failed|The platform is up|\[kafka\] broker ready)/.test(line)) {
        marks.push({ line, ms: Date.now() - t0 });
        console.log(`  ${((Date.now() - t0) / 1000).toFixed(1).padStart(6)} s  ${line.slice(0, 110)}`);
      }
      if (line.startsWith('The platform is up')) up();
      if (line.startsWith('start failed') || line.startsWith('not ready')) failed(new Error(line));
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  child.on('exit', (code) => failed(new Error(`npm start exited (${code}) before the platform was up`)));
  try {
    console.log(`start-up bench: node tools/start.js, Kafka on ${KAFKA_PORT} (started cold, jars cached), PORT_OFFSET ${PORT_OFFSET}`);
    let timer: NodeJS.Timeout | undefined;
    const limit = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('the platform was not up within 10 minutes')), 600000)));
    await Promise.race([platformUp, limit]).finally(() => clearTimeout(timer));
  } finally {
    const exited = new Promise((r) => child.once('exit', r));
    if (child.exitCode === null) child.kill('SIGINT');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 60000))]);
  }
  const readyLines = marks.filter((m) => m.line.startsWith('ready ') && !m.line.includes('console'));
  const allServices = Math.max(...readyLines.map((m) => m.ms)) / 1000;
  const broker = (marks.find((m) => m.line.startsWith('Kafka: topics ready'))?.ms ?? NaN) / 1000;
  const platform = (marks.find((m) => m.line.startsWith('The platform is up'))?.ms ?? NaN) / 1000;
  console.log(
    `  broker + topics ${broker.toFixed(1)} s; all ${readyLines.length} services ready ${allServices.toFixed(1)} s; console + demo data: platform up ${platform.toFixed(1)} s`,
  );
  report([
    {
      bench: 'startup',
      figure: `npm start → all ${readyLines.length} services ready`,
      value: allServices,
      unit: 's',
      baseline: { name: 'one bare NestJS process', value: floor / 1000, unit: 's' },
      ratio: floor / 1000 / allServices,
      goal: '≤ 60 s',
      met: allServices <= 60,
    },
    {
      bench: 'startup',
      figure: 'npm start → platform up (console, demo data)',
      value: platform,
      unit: 's',
      baseline: { name: 'broker + topics', value: broker, unit: 's' },
      goal: '(shown)',
      met: null,
    },
  ]);
}

// Exits once reported: nothing of the stopped platform may keep this process waiting.
main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
