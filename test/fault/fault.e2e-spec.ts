import * as fs from 'node:fs';
import * as path from 'node:path';
import { FaultReport, profileFromEnv, runFaultScenario } from './fault-scenario';

/**
 * The fault suite (test/fault/README.md): the platform on a private PostgreSQL cluster and a private broker, cases
 * running the whole procedure while services are killed, the broker and the database go away, and Changchun's review
 * instance is stopped. `npm test` runs the small profile; `npm run fault` the full one (FAULT_PROFILE=full).
 */
const profile = profileFromEnv();
const REPORT = path.resolve(__dirname, '..', '..', '.local', `fault-report-${profile.name}.json`);

/** Recoveries grouped by fault, in the order the faults came. */
function byFault(recoveries: FaultReport['recoveries']): FaultReport['recoveries'] {
  const order = [...new Set(recoveries.map((r) => r.fault))];
  return [...recoveries].sort((a, b) => order.indexOf(a.fault) - order.indexOf(b.fault));
}

function print(report: FaultReport): string {
  const lines = [
    `fault suite (${report.profile.name}) in ${report.durationSeconds} s`,
    ...Object.entries(report.figures).map(([k, v]) => `  ${k.padEnd(18)} ${v}`),
    '  recovery:',
    ...byFault(report.recoveries).map((r) => `    ${r.fault.padEnd(30)} ${String(r.seconds).padStart(6)} s  ${r.measure}`),
    ...(report.problems.length ? ['  problems:', ...report.problems.map((x) => `    - ${x}`)] : ['  problems: none']),
  ];
  return lines.join('\n');
}

describe(`the fault suite (${profile.name}: ${profile.cases} cases)`, () => {
  it(
    'completes every case through killed services, a broker outage, a database restart and a city instance away, losing and doubling nothing',
    async () => {
      const report = await runFaultScenario(profile, (line) => process.stdout.write(`[fault] ${line}\n`));
      fs.mkdirSync(path.dirname(REPORT), { recursive: true });
      fs.writeFileSync(REPORT, JSON.stringify(report, null, 2));
      process.stdout.write(`${print(report)}\n`);
      expect(report.problems).toEqual([]);
      expect(report.figures.cases).toBe(profile.cases + 1); // the application made during the broker outage too
      expect(report.figures.filings).toBe(profile.cases + 1);
    },
    profile.waitMs * 3,
  );
});
