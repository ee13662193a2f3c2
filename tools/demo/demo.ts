// `npm run demo`: against a platform started with `npm start`, drives scenario 1 of the procedure — a Changchun
// enterprise's new filing, from the application to the filing notice and the national event — through the public
// HTTP APIs, printing every step. Uses the same driver as the end-to-end tests (test/e2e/procedure).
//
//   npm run demo                      (services on 127.0.0.1 at the ports of tools/services.js, Kafka 127.0.0.1:KAFKA_PORT or 9092)
//   DEMO_HOST=10.0.0.5 KAFKA_BROKERS=10.0.0.5:9092 npm run demo
import 'reflect-metadata';
import { randomInt } from 'node:crypto';
import * as path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { Events, Headers } from '@filing/contracts';
import { TopicRecorder, waitFor } from '@filing/testing';
import { CaseRecord, institution, PlatformUrls, ProcedureDriver } from '../../test/e2e/procedure/procedure-driver';
import { DEMO_OCCUPATIONS, demoExperts, expertsAtApplicant } from './demo-experts';
import { printNotificationSummary } from './demo-summary';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const services: { name: string; port: number; env: Record<string, string> }[] = require('../services.js');

const host = process.env.DEMO_HOST ?? '127.0.0.1';
const brokers = (process.env.KAFKA_BROKERS ?? `127.0.0.1:${process.env.KAFKA_PORT ?? 9092}`).split(',');

function urlOf(name: string): string {
  const s = services.find((x) => x.name === name);
  if (!s) throw new Error(`tools/services.js has no ${name}`);
  return `http://${host}:${s.port}`;
}

function platformUrls(): PlatformUrls {
  const reviewCities: Record<string, string> = {};
  for (const s of services.filter((x) => x.name.startsWith('review-') && x.env.REVIEW_JURISDICTION !== '220000'))
    reviewCities[s.env.REVIEW_JURISDICTION] = `http://${host}:${s.port}`;
  return {
    intake: urlOf('intake'),
    reviewProvince: urlOf('review-220000'),
    reviewCities,
    expertPool: urlOf('expert-pool'),
    assessment: urlOf('assessment'),
    publication: urlOf('publication'),
  };
}

let stepNo = 0;
const say = (line = '') => process.stdout.write(`${line}\n`);
const progress = (line: string) => say(line.startsWith(' ') ? `       ${line.trim()}` : `[${String(++stepNo).padStart(2)}] ${line}`);

async function checkPlatform(urls: PlatformUrls): Promise<void> {
  const all = {
    intake: urls.intake,
    'review 220000': urls.reviewProvince,
    ...Object.fromEntries(Object.entries(urls.reviewCities).map(([k, v]) => [`review ${k}`, v])),
    'expert-pool': urls.expertPool,
    assessment: urls.assessment,
    publication: urls.publication,
  };
  for (const [name, url] of Object.entries(all)) {
    let ready = false;
    try {
      ready = (await fetch(`${url}/health/ready`)).status === 200;
    } catch {
      // not listening
    }
    if (!ready) throw new Error(`${name} is not ready at ${url}. Start the platform first: npm start`);
    const clock = await fetch(`${url}/test/clock`);
    if (clock.status !== 200) throw new Error(`${name} at ${url} has no controllable clock; the demo needs CLOCK_MODE=controllable (npm start sets it)`);
  }
  say(`The platform is up: ${Object.keys(all).length} services answer at ${host}.`);
}

async function main(): Promise<void> {
  const urls = platformUrls();
  await checkPlatform(urls);
  const d = new ProcedureDriver(urls, { log: progress, timeoutMs: 90000 });
  // The demo acts as every person of the procedure, a new institution and the drawn experts included, with
  // development tokens; a platform signing in through Keycloak (npm start -- --idp keycloak) refuses them.
  const probe = await fetch(`${urls.expertPool}/experts?limit=1`, { headers: { authorization: `Bearer ${await d.token('center-staff', '220100')}` } });
  if (probe.status === 401) {
    throw new Error(
      'the services refuse development tokens: this platform signs in through an identity provider (npm start -- --idp keycloak). npm run demo needs the development sign-in: stop it and run npm start',
    );
  }
  const kafka = new Kafka({ clientId: `filing-demo-${process.pid}`, brokers, logLevel: logLevel.NOTHING });
  // The national platform: reads publication.filing.issued.v1 with its own (throw-away) consumer group.
  const national = await new TopicRecorder(kafka, [Events.filingIssued.topic]).start();

  let c: CaseRecord | undefined;
  try {
    say('\n演示：长春市一家企业申请职业技能等级认定机构备案（场景一） / Demo: a Changchun enterprise files as a certification institution\n');
    // Monday 2025-09-29, 09:00 China time: the 5-working-day notice will span the National Day holiday.
    await d.setClock('2025-09-29T01:00:00.000Z');

    // The Changchun expert database (npm start loads it; fill it if this platform started without demo data).
    const have = await d.expertCount('220100');
    if (have < 10) {
      const r = await d.importExperts('220100', demoExperts('220100', '长春市', 36, 1000));
      progress(`专家库 / expert database 220100 had ${have} experts: imported ${r.imported} demo experts`);
    } else progress(`专家库 / expert database 220100: ${have} experts`);

    const inst = institution(`长春${randomInt(1000, 9999)}号模具制造有限公司`);
    await d.importExperts('220100', expertsAtApplicant('220100', inst, 20000 + randomInt(5_000_000)));
    progress(`two experts who work at ${inst.name} were added to the database (avoidance must exclude them)`);

    c = await d.submit('220100', inst, [DEMO_OCCUPATIONS.lathe, DEMO_OCCUPATIONS.welder]);
    await d.throughApproval(c, { groupSize: 5, decline: 1 });

    const notice = await d.notice(c);
    progress(`公示 / public notice ${notice.startDate} … ${notice.endDate} (${notice.workingDays} working days; the National Day holiday is not counted)`);
    progress(`  public page: ${urls.publication}/public/notices/${c.noticeId}`);
    await d.closeNotice(c);
    const filing = await d.issueFiling(c);

    const verification = await d.verifiedDraw(c);
    progress(
      `抽取验证 / draw verification after the seed reveal: ${verification.report.match ? 'MATCH' : 'MISMATCH'} (${urls.expertPool}/draws/${c.drawId}/verification)`,
    );

    const app = await waitFor(
      'the filing at intake',
      async () => {
        const a = await d.application(c!);
        return a.status === 'FILED' ? a : undefined;
      },
      60000,
    );
    progress(`申报人视图 / the applicant sees: ${app.status}, ${app.timeline.length} timeline entries`);

    say('\n================ 备案通知 / the filing notice ================');
    say(`发文机关   ${filing.issuingAuthority ?? '吉林省人力资源和社会保障厅'}`);
    say(`备案通知文号 ${filing.noticeNumber}`);
    say(`日期       ${filing.noticeDate}`);
    say(`备案编号   ${filing.filingNumber}`);
    say(`机构       ${inst.name}（统一社会信用代码 ${inst.creditCode}）`);
    say(`认定职业   ${c.occupations.map((o) => `${o.name}（${o.code}）${o.levels.join('/')}级`).join('；')}`);
    say(JSON.stringify(filing, null, 2));

    const message = await waitFor(
      'publication.filing.issued.v1 on Kafka',
      () => national.find((m) => m.key === c!.caseId || JSON.parse(m.value).caseId === c!.caseId)[0],
      60000,
    );
    say('\n================ 全国平台事件 / the national event (publication.filing.issued.v1) ================');
    say(`topic ${message.topic}, partition ${message.partition}, key ${message.key}`);
    for (const h of [Headers.id, Headers.type, Headers.source, Headers.time, Headers.subject]) say(`${h.padEnd(10)} ${message.headers[h]}`);
    say(JSON.stringify(JSON.parse(message.value), null, 2));
    await printNotificationSummary(
      d,
      c,
      { notification: urlOf('notification'), expertPool: urls.expertPool },
      path.resolve(__dirname, '..', '..', '.local', 'mail'),
      say,
    );
    say(
      `\nDone. The case ${c.caseId} went from application to filing notice; see its history at ${urls.reviewCities['220100']}/cases/${c.caseId} (token: center-staff 220100).`,
    );
  } finally {
    await national.stop();
    // Give the platform its own time back; the demo's dates were only for the walk-through.
    await d.setClock(new Date().toISOString()).catch(() => undefined);
  }
}

main().then(
  () => process.exit(0),
  (err: Error) => {
    say(`\ndemo failed: ${err.message}`);
    process.exit(1);
  },
);
