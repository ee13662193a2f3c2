import { messagingTablesMigration } from '@filing/messaging';
import { ServiceDatabaseOptions } from '@filing/runtime';
import { CreatePublication1764200000001 } from './migrations/1764200000001-create-publication.migration';
import { AddFilingNumber1764200000002 } from './migrations/1764200000002-add-filing-number.migration';
import { AuditLog1764900000001 } from './migrations/1764900000001-audit-log.migration';

export const SCHEMA = 'publication';

// Plain SQL throughout (row locks, conditional updates, counters), so no TypeORM entities are mapped.
export const serviceDatabase: ServiceDatabaseOptions = {
  schema: SCHEMA,
  entities: [],
  migrations: [messagingTablesMigration(SCHEMA), CreatePublication1764200000001, AddFilingNumber1764200000002, AuditLog1764900000001],
};
