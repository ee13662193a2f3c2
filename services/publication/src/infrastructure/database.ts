import { messagingMigrations } from '@filing/messaging';
import { ServiceDatabaseOptions } from '@filing/runtime';
import { CreatePublication1764200000001 } from './migrations/1764200000001-create-publication.migration';
import { AddFilingNumber1764200000002 } from './migrations/1764200000002-add-filing-number.migration';
import { AuditLog1764900000001 } from './migrations/1764900000001-audit-log.migration';
import { ObjectionEvidence1765000000001 } from './migrations/1765000000001-objection-evidence.migration';
import { NoticeAwaitingCalendar1765000000002 } from './migrations/1765000000002-notice-awaiting-calendar.migration';
import { DocumentsAndRegisterStatus1766200000001 } from './migrations/1766200000001-documents-and-register-status.migration';
import { RegisterSearchIndexes1767100000001 } from './migrations/1767100000001-register-search-indexes.migration';
import { NoticeBatches1767300000001 } from './migrations/1767300000001-notice-batches.migration';

export const SCHEMA = 'publication';

// Plain SQL throughout (row locks, conditional updates, counters), so no TypeORM entities are mapped.
export const serviceDatabase: ServiceDatabaseOptions = {
  schema: SCHEMA,
  entities: [],
  migrations: [
    ...messagingMigrations(SCHEMA),
    CreatePublication1764200000001,
    AddFilingNumber1764200000002,
    AuditLog1764900000001,
    ObjectionEvidence1765000000001,
    NoticeAwaitingCalendar1765000000002,
    DocumentsAndRegisterStatus1766200000001,
    RegisterSearchIndexes1767100000001,
    NoticeBatches1767300000001,
  ],
};
