// The end of `npm run demo`: what each person of the case was told — their console inbox, read through the
// notification service's HTTP API with their own token, and the mails the local mail catcher of `npm start` caught.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Role } from '@filing/contracts';
import { waitFor } from '@filing/testing';
import type { CaseRecord, ProcedureDriver } from '../../test/e2e/procedure/procedure-driver';

interface Person {
  who: string;
  role: Role;
  jurisdiction: string;
  extra?: { creditCode?: string; expertId?: string };
}

interface Notice {
  caseId: string;
  kind: string;
}

/** The case's notices in one person's inbox (a role's inbox also holds other cases' notices: filtered out). */
async function inbox(notificationUrl: string, token: string, caseId: string): Promise<Notice[]> {
  const mine: Notice[] = [];
  for (let offset = 0; offset < 2000; offset += 200) {
    const r = await fetch(`${notificationUrl}/notifications/mine?limit=200&offset=${offset}`, { headers: { authorization: `Bearer ${token}` } });
    if (r.status !== 200) throw new Error(`GET /notifications/mine answered ${r.status}`);
    const page = (await r.json()) as { items: Notice[]; total: number };
    mine.push(...page.items.filter((n) => n.caseId === caseId));
    if (offset + page.items.length >= page.total) break;
  }
  return mine.reverse(); // oldest first, as they happened
}

/** `zhang.san@example.cn` → `zh*******@example.cn`: the summary is a log like any other. */
function maskEmail(address: string): string {
  const [local, domain] = address.split('@');
  return domain ? `${local.slice(0, 2)}${'*'.repeat(Math.max(local.length - 2, 1))}@${domain}` : address;
}

/** The .eml files of the case in the mail catcher's directory: recipient → kinds. */
function caughtMails(dir: string, caseId: string): Map<string, string[]> {
  const byRecipient = new Map<string, string[]>();
  if (!fs.existsSync(dir)) return byRecipient;
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.eml'))) {
    const raw = fs.readFileSync(path.join(dir, file), 'utf8');
    const head = raw.slice(0, raw.search(/\r?\n\r?\n/) >>> 0).replace(/\r?\n[ \t]+/g, ' ');
    const header = (name: string) => new RegExp(`^${name}:\\s*(.+)$`, 'im').exec(head)?.[1].trim();
    if (header('X-Filing-Case') !== caseId) continue;
    const to = /<([^>]+)>/.exec(header('To') ?? '')?.[1] ?? header('To') ?? '?';
    byRecipient.set(to, [...(byRecipient.get(to) ?? []), header('X-Filing-Kind') ?? '?']);
  }
  return byRecipient;
}

function countKinds(kinds: string[]): string {
  const n = new Map<string, number>();
  for (const k of kinds) n.set(k, (n.get(k) ?? 0) + 1);
  return [...n].map(([k, c]) => (c > 1 ? `${k} ×${c}` : k)).join(', ');
}

export async function printNotificationSummary(
  d: ProcedureDriver,
  c: CaseRecord,
  urls: { notification: string; expertPool: string },
  mailDir: string,
  say: (line?: string) => void,
): Promise<void> {
  const { notification: notificationUrl, expertPool: expertPoolUrl } = urls;
  // The group as the centre sees it once formed: the members' names, and who declined or was recused (told too).
  const level = c.databaseLevel ?? c.jurisdiction;
  const draw = c.drawId
    ? ((await (await fetch(`${expertPoolUrl}/draws/${c.drawId}`, { headers: { authorization: `Bearer ${await d.token('center-staff', level)}` } })).json()) as {
        group?: { members?: { expertId: string; name: string }[]; replacements?: { replacedExpertId: string; cause: string }[] };
      })
    : {};
  const names = new Map((draw.group?.members ?? []).map((m) => [m.expertId, m.name]));
  const expert = (expertId: string, note = ''): Person => ({
    who: `专家 / expert ${names.get(expertId) ?? expertId}${expertId === c.leader ? '（组长）' : ''}${note}`,
    role: 'expert',
    jurisdiction: level,
    extra: { expertId },
  });
  const people: Person[] = [
    { who: `申请机构 / applicant ${c.institution.name}`, role: 'applicant', jurisdiction: c.jurisdiction, extra: { creditCode: c.institution.creditCode } },
    ...(c.members ?? []).map((expertId) => expert(expertId)),
    ...(draw.group?.replacements ?? []).map((r) => expert(r.replacedExpertId, r.cause === 'declined' ? '（已谢绝）' : '（已回避）')),
    { who: `市鉴定中心 / centre staff ${c.jurisdiction}`, role: 'center-staff', jurisdiction: c.jurisdiction },
    { who: `审定 / approver ${c.jurisdiction}`, role: 'approver', jurisdiction: c.jurisdiction },
    { who: '省鉴定中心 / province centre staff 220000', role: 'center-staff', jurisdiction: '220000' },
  ];
  // The last notice of the case (the filing notice, to the applicant) travels through Kafka: wait for it to land.
  const applicant = await d.token('applicant', c.jurisdiction, { creditCode: c.institution.creditCode });
  await waitFor(
    'the filing notice in the applicant inbox',
    async () => (await inbox(notificationUrl, applicant, c.caseId)).some((n) => n.kind === 'filing-issued'),
    60000,
  ).catch(() => undefined);

  say('\n================ 通知 / who was told what (console inbox, this case) ================');
  for (const p of people) {
    const notices = await inbox(notificationUrl, await d.token(p.role, p.jurisdiction, p.extra), c.caseId);
    say(`${p.who}: ${notices.length} notice(s)${notices.length ? ` — ${countKinds(notices.map((n) => n.kind))}` : ''}`);
  }
  const mails = caughtMails(mailDir, c.caseId);
  if (!fs.existsSync(mailDir)) {
    say(`mails: no mail catcher directory at ${mailDir} (npm start delivers to SMTP_URL when it is set)`);
    return;
  }
  const total = [...mails.values()].reduce((sum, k) => sum + k.length, 0);
  say(`mails caught for this case in ${mailDir}: ${total} (.eml), to ${mails.size} address(es)`);
  for (const [to, kinds] of mails) say(`  ${maskEmail(to)}: ${kinds.length} — ${countKinds(kinds)}`);
}
