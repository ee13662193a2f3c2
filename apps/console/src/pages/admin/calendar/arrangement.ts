// A year's holiday arrangement as pasted from the State Council's notice (国务院办公厅关于X年部分节假日安排的通知),
// read into the days publication loads: holidays (放假) and make-up working days (调休上班). Pure, tested in
// arrangement.test.ts.

export interface ArrangedDay {
  date: string;
  kind: 'holiday' | 'workday';
  note?: string;
}

export interface Arrangement {
  days: ArrangedDay[];
  /** Lines or dates that could not be read, or contradict each other: shown before anything is saved. */
  problems: string[];
}

const pad = (n: number) => String(n).padStart(2, '0');

function isoOf(year: number, month: number, day: number): string | null {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

function nextDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export function isWeekend(iso: string): boolean {
  const wd = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return wd === 0 || wd === 6;
}

/**
 * Reads the notice's lines (“二、春节：2月6日（周六）至13日（周六）放假调休，共8天。2月14日（周日）上班。”), or lines of
 * ISO dates (“2027-02-06 放假 春节”, “2027-02-14 上班”). A range 至 is every day of it; a sentence with 上班 names
 * make-up working days; dates are of `year`.
 */
export function readArrangement(text: string, year: number): Arrangement {
  const byDate = new Map<string, ArrangedDay>();
  const problems: string[] = [];
  const add = (date: string | null, kind: ArrangedDay['kind'], note: string | undefined, source: string) => {
    if (!date) {
      problems.push(`日期无效：${source}`);
      return;
    }
    if (!date.startsWith(`${year}-`)) {
      problems.push(`${date} 不在 ${year} 年：${source}`);
      return;
    }
    const before = byDate.get(date);
    if (before && before.kind !== kind) problems.push(`${date} 既列为放假又列为上班：${source}`);
    if (!before) byDate.set(date, { date, kind, ...(note ? { note } : {}) });
  };

  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})\s*[,，\s]\s*(\S+)(?:\s*[,，\s]\s*(.+))?$/.exec(line);
    if (iso) {
      const kindWord = iso[4];
      const kind = /上班|班|workday|work/i.test(kindWord) ? 'workday' : /放假|休|holiday/i.test(kindWord) ? 'holiday' : null;
      if (!kind) problems.push(`无法识别“${kindWord}”（应为“放假”或“上班”）：${line}`);
      else add(isoOf(Number(iso[1]), Number(iso[2]), Number(iso[3])), kind, iso[5]?.trim(), line);
      continue;
    }
    // “一、元旦：…”: the festival's name before the colon; parentheses (weekday, lunar date) carry no date of their own.
    const named = /^(?:[一二三四五六七八九十]+[、.．]\s*)?([^：:]{1,12})[：:](.*)$/.exec(line);
    const note = named?.[1].trim();
    const body = (named ? named[2] : line).replace(/（[^）]*）|\([^)]*\)/g, '');
    let understood = false;
    for (const sentence of body.split(/[。；;]/)) {
      const s = sentence.trim();
      if (!s) continue;
      if (/上班/.test(s)) {
        for (const m of s.matchAll(/(\d{1,2})月(\d{1,2})日/g)) {
          add(isoOf(year, Number(m[1]), Number(m[2])), 'workday', note, line);
          understood = true;
        }
        continue;
      }
      if (!/放假/.test(s)) continue;
      const range = /(\d{1,2})月(\d{1,2})日\s*[至到—-]\s*(?:(\d{1,2})月)?(\d{1,2})日/.exec(s);
      if (range) {
        const from = isoOf(year, Number(range[1]), Number(range[2]));
        const to = isoOf(year, Number(range[3] ?? range[1]), Number(range[4]));
        if (!from || !to || to < from) {
          problems.push(`日期范围无效：${line}`);
          continue;
        }
        for (let d = from; d <= to; d = nextDay(d)) add(d, 'holiday', note, line);
        understood = true;
        continue;
      }
      for (const m of s.matchAll(/(\d{1,2})月(\d{1,2})日/g)) {
        add(isoOf(year, Number(m[1]), Number(m[2])), 'holiday', note, line);
        understood = true;
      }
    }
    // The notice's preamble and closing words name no date: skipped. A line with a date that was not read is a problem.
    if (!understood && /\d{1,2}月\d{1,2}日|\d{4}-\d{1,2}-\d{1,2}/.test(line)) problems.push(`未能识别日期：${line}`);
  }
  for (const d of byDate.values()) if (d.kind === 'workday' && !isWeekend(d.date)) problems.push(`${d.date} 本是工作日，无需列为调休上班`);
  return { days: [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date)), problems };
}
