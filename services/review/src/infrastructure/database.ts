import { messagingMigrations } from '@filing/messaging';
import { ServiceDatabaseOptions } from '@filing/runtime';
import { ReviewCase } from '../cases/infrastructure/case.entity';
import { CreateCase1764100000001 } from './migrations/1764100000001-create-case.migration';
import { LifecycleAuditRecheck1764200000001 } from './migrations/1764200000001-lifecycle-audit-recheck.migration';
import { PublicNotice1764300000001 } from './migrations/1764300000001-public-notice.migration';
import { CalendarOverride1764600000001 } from './migrations/1764600000001-calendar-override.migration';
import { NoticeWaiting1765000000001 } from './migrations/1765000000001-notice-waiting.migration';
import { AuditLogColumns1766150000001 } from './migrations/1766150000001-audit-log-columns.migration';
import { OversightReadModel1767000000001 } from './migrations/1767000000001-oversight-read-model.migration';
import { OverdueNotice1767100000001 } from './migrations/1767100000001-overdue-notice.migration';
import { reviewInstance } from './review.config';

export const reviewDatabase: ServiceDatabaseOptions = {
  schema: reviewInstance.schema,
  entities: [ReviewCase],
  migrations: [
    ...messagingMigrations(reviewInstance.schema),
    CreateCase1764100000001,
    LifecycleAuditRecheck1764200000001,
    PublicNotice1764300000001,
    CalendarOverride1764600000001,
    NoticeWaiting1765000000001,
    AuditLogColumns1766150000001,
    OversightReadModel1767000000001,
    OverdueNotice1767100000001,
  ],
};
