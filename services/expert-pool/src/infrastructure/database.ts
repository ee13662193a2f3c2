import { messagingMigrations } from '@filing/messaging';
import { ServiceDatabaseOptions } from '@filing/runtime';
import { Expert } from '../experts/infrastructure/expert.entity';
import { ImportJob } from '../experts/infrastructure/import-job.entity';
import { Draw } from '../draws/infrastructure/draw.entity';
import { KickOffMinutes } from '../draws/infrastructure/kick-off-minutes.entity';
import { CreateExperts1764200000001 } from './migrations/1764200000001-create-experts.migration';
import { CreateDraws1764200000002 } from './migrations/1764200000002-create-draws.migration';
import { DrawFailedAttempts1764200000003 } from './migrations/1764200000003-draw-failed-attempts.migration';
import { DrawPoolCounts1764200000004 } from './migrations/1764200000004-draw-pool-counts.migration';
import { DrawImmutableAfterDraw1764200000005 } from './migrations/1764200000005-draw-immutable-after-draw.migration';
import { AuditLog1764900000001 } from './migrations/1764900000001-audit-log.migration';
import { ExpertAccountLink1765000000001 } from './migrations/1765000000001-expert-account-link.migration';
import { DrawSeedEncrypted1766100000001 } from './migrations/1766100000001-draw-seed-encrypted.migration';
import { KickOffMeeting1766200000001 } from './migrations/1766200000001-kick-off-meeting.migration';

export const SCHEMA = 'expert_pool';

export const serviceDatabase: ServiceDatabaseOptions = {
  schema: SCHEMA,
  entities: [Expert, ImportJob, Draw, KickOffMinutes],
  migrations: [
    ...messagingMigrations(SCHEMA),
    CreateExperts1764200000001,
    CreateDraws1764200000002,
    DrawFailedAttempts1764200000003,
    DrawPoolCounts1764200000004,
    DrawImmutableAfterDraw1764200000005,
    AuditLog1764900000001,
    ExpertAccountLink1765000000001,
    DrawSeedEncrypted1766100000001,
    KickOffMeeting1766200000001,
  ],
};
