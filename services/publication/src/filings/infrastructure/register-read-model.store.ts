import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SCHEMA } from '../../infrastructure/database';
import { RegisterPage, RegisterSearch, SearchableEntry, searchable, searchRegister } from '../domain/register-search';

/** An entry as the public register shows it (no contact person, phone or e-mail), in this key order. */
export type PublicRegisterItem = Record<string, unknown>;

const ITEM_COLUMNS = `r.name, r.credit_code AS "creditCode", r.kind, r.jurisdiction, r.jurisdiction_name AS "jurisdictionName", r.scope,
  coalesce(r.address, r.contact->>'address') AS address, r.occupations, r.filing_number AS "filingNumber", r.notice_number AS "noticeNumber",
  to_char(r.notice_date, 'YYYY-MM-DD') AS "noticeDate", r.filings, r.status, r.status_reason AS "statusReason",
  to_char(r.suspended_from, 'YYYY-MM-DD') AS "suspendedFrom", to_char(r.suspended_until, 'YYYY-MM-DD') AS "suspendedUntil", r.source`;

/**
 * The register's version: any committed insert, update or delete of an entry changes its row count or the sum of
 * the rows' xmin (the transaction that wrote each row version), whichever code path or replica wrote it. One scan of
 * a system column, about a millisecond for 10,000 entries.
 */
const VERSION_SQL = `SELECT count(*)::int AS n, coalesce(sum(r.xmin::text::bigint), 0)::text AS x FROM ${SCHEMA}.register_entry r`;

/** How long a replica answers from its copy before it looks at the register's version again. */
const CHECK_EVERY_MS = 1000;
/**
 * Answers kept (the public mostly asks the same few searches), all dropped on a change, and when there are too many or
 * their text grows too long (a page of 100 entries is about 100,000 characters): a bound on memory whatever is asked.
 */
const MAX_CACHED = 1000;
const MAX_CACHED_CHARS = 5_000_000;

interface Answer {
  page: RegisterPage<PublicRegisterItem>;
  json?: string;
}

interface Snapshot {
  version: string;
  entries: SearchableEntry<PublicRegisterItem>[];
  answers: Map<string, Answer>;
  /** Length of the answers' JSON text kept. */
  chars: number;
}

/**
 * The public register in memory (docs/adr/0030): loaded on the first search, in PostgreSQL's own order of the page
 * (its collation orders the names), and loaded again when the register's version changed. A search older than
 * CHECK_EVERY_MS since the last look starts one in the background and is answered from the copy (another replica's
 * write shows a moment later); after a write through this instance (FilingsRepository.transaction) its next search
 * waits for a look, so what it just wrote is visible to it.
 */
@Injectable()
export class RegisterReadModelStore {
  private snapshot?: Snapshot;
  private checkedAt = 0;
  /** Bumped by changed(); a check satisfies the generations up to the one current when it began. */
  private wanted = 0;
  private checked = -1;
  private checking?: Promise<void>;
  private readonly logger = new Logger(RegisterReadModelStore.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The register was written by this instance (called after the transaction committed). */
  changed(): void {
    this.wanted++;
  }

  async search(q: RegisterSearch): Promise<RegisterPage<PublicRegisterItem>> {
    return this.answer(await this.current(), q).page;
  }

  /** The answer as Express's res.json would write it, serialised once per search and change. */
  async searchJson(q: RegisterSearch): Promise<string> {
    const snapshot = await this.current();
    const answer = this.answer(snapshot, q);
    if (answer.json === undefined) {
      answer.json = JSON.stringify(answer.page);
      snapshot.chars += answer.json.length;
    }
    return answer.json;
  }

  private answer(snapshot: Snapshot, q: RegisterSearch): Answer {
    const key = JSON.stringify([q.city, q.occupation, q.level, q.name, q.creditCode, q.status, q.page, q.pageSize]);
    let answer = snapshot.answers.get(key);
    if (!answer) {
      answer = { page: searchRegister(snapshot.entries, q) };
      if (snapshot.answers.size >= MAX_CACHED || snapshot.chars >= MAX_CACHED_CHARS) {
        snapshot.answers.clear();
        snapshot.chars = 0;
      }
      snapshot.answers.set(key, answer);
    }
    return answer;
  }

  private async current(): Promise<Snapshot> {
    if (this.snapshot && this.checked >= this.wanted) {
      // Only the time to look again: answer from the copy meanwhile, no search waits for the database.
      if (!this.checking && Date.now() - this.checkedAt >= CHECK_EVERY_MS) void this.startCheck();
      return this.snapshot;
    }
    // Nothing loaded yet, or this instance wrote since: wait. A check already under way may have begun before the
    // write, then one more is needed.
    do await this.startCheck();
    while (this.checked < this.wanted);
    return this.snapshot!;
  }

  private startCheck(): Promise<void> {
    if (!this.checking) {
      this.checking = this.check().finally(() => (this.checking = undefined));
      // Said once per failed look (a search waiting for it gets the error as well).
      this.checking.catch((err) => this.logger.warn(`register version check failed: ${err}`));
    }
    return this.checking;
  }

  private async check(): Promise<void> {
    const generation = this.wanted;
    try {
      if (this.snapshot) {
        const [{ n, x }] = await this.dataSource.query(VERSION_SQL);
        if (`${n}:${x}` !== this.snapshot.version) await this.load();
      } else {
        await this.load();
      }
      this.checked = generation;
    } finally {
      // A failed check is tried again a period later, not by every search.
      this.checkedAt = Date.now();
    }
  }

  /** Every entry with the version of exactly those rows (one statement, one snapshot). */
  private async load(): Promise<void> {
    const rows: (PublicRegisterItem & { xmin: string })[] = await this.dataSource.query(
      `SELECT ${ITEM_COLUMNS}, r.xmin::text AS xmin FROM ${SCHEMA}.register_entry r ORDER BY r.notice_date DESC, r.name, r.credit_code`,
    );
    let x = 0;
    const entries = rows.map(({ xmin, ...item }) => {
      x += Number(xmin);
      return searchable(item, item as { creditCode: string; jurisdiction: string; status: string; name: string; occupations: unknown });
    });
    this.snapshot = { version: `${rows.length}:${x}`, entries, answers: new Map(), chars: 0 };
  }
}
