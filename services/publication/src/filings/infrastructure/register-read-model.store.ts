import { Injectable } from '@nestjs/common';
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

/** How long a replica may answer from its copy before it looks at the register's version again. */
const CHECK_EVERY_MS = 1000;
/** Distinct searches whose answers are kept (the public mostly asks the same few); all are dropped on a change. */
const MAX_CACHED = 1000;

interface Snapshot {
  version: string;
  entries: SearchableEntry<PublicRegisterItem>[];
  pages: Map<string, RegisterPage<PublicRegisterItem>>;
}

/**
 * The public register in memory (docs/adr/0028): loaded on the first search, in PostgreSQL's own order of the page
 * (its collation orders the names), and loaded again when the register's version changed. A replica looks at the
 * version at most every CHECK_EVERY_MS; a write through this instance (FilingsRepository.transaction) makes its next
 * search look at once, so what it just wrote is visible to it.
 */
@Injectable()
export class RegisterReadModelStore {
  private snapshot?: Snapshot;
  private checkedAt = 0;
  /** Bumped by changed(); a check satisfies the generations up to the one current when it began. */
  private wanted = 0;
  private checked = -1;
  private checking?: Promise<void>;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The register was written by this instance (called after the transaction committed). */
  changed(): void {
    this.wanted++;
  }

  async search(q: RegisterSearch): Promise<RegisterPage<PublicRegisterItem>> {
    const snapshot = await this.current();
    const key = JSON.stringify([q.city, q.occupation, q.level, q.name, q.creditCode, q.status, q.page, q.pageSize]);
    let page = snapshot.pages.get(key);
    if (!page) {
      page = searchRegister(snapshot.entries, q);
      if (snapshot.pages.size >= MAX_CACHED) snapshot.pages.clear();
      snapshot.pages.set(key, page);
    }
    return page;
  }

  private async current(): Promise<Snapshot> {
    if (!this.snapshot || this.checked < this.wanted || Date.now() - this.checkedAt >= CHECK_EVERY_MS) {
      // A check already under way may have begun before this instance's last write: then one more is needed.
      do {
        this.checking ??= this.check().finally(() => (this.checking = undefined));
        await this.checking;
      } while (this.checked < this.wanted);
    }
    return this.snapshot!;
  }

  private async check(): Promise<void> {
    const generation = this.wanted;
    if (this.snapshot) {
      const [{ n, x }] = await this.dataSource.query(VERSION_SQL);
      if (`${n}:${x}` !== this.snapshot.version) await this.load();
    } else {
      await this.load();
    }
    this.checked = generation;
    this.checkedAt = Date.now();
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
    this.snapshot = { version: `${rows.length}:${x}`, entries, pages: new Map() };
  }
}
