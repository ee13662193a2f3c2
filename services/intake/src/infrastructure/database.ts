import { messagingMigrations } from '@filing/messaging';
import { ServiceDatabaseOptions } from '@filing/runtime';
import { Application } from '../applications/infrastructure/application.entity';
import { CaseEvent } from '../applications/infrastructure/case-event.entity';
import { ExpertGroup } from '../applications/infrastructure/expert-group.entity';
import { FiledInstitution } from '../applications/infrastructure/filed-institution.entity';
import { Material } from '../applications/infrastructure/material.entity';
import { IdempotencyKey } from '../idempotency/infrastructure/idempotency-key.entity';
import { CreateApplication1764100000001 } from './migrations/1764100000001-create-application.migration';
import { DraftsMaterialsTimeline1764200000000 } from './migrations/1764200000000-drafts-materials-timeline.migration';
import { FiledInstitutionFilingNumber1764300000000 } from './migrations/1764300000000-filed-institution-filing-number.migration';
import { MaterialChunks1766100000002 } from './migrations/1766100000002-material-chunks.migration';
import { AuditLog1766100000003 } from './migrations/1766100000003-audit-log.migration';
import { ExpertGroup1767000000000 } from './migrations/1767000000000-expert-group.migration';

export const INTAKE_SCHEMA = 'intake';

export const intakeDatabase: ServiceDatabaseOptions = {
  schema: INTAKE_SCHEMA,
  entities: [Application, Material, CaseEvent, FiledInstitution, IdempotencyKey, ExpertGroup],
  migrations: [
    ...messagingMigrations(INTAKE_SCHEMA),
    CreateApplication1764100000001,
    DraftsMaterialsTimeline1764200000000,
    FiledInstitutionFilingNumber1764300000000,
    MaterialChunks1766100000002,
    AuditLog1766100000003,
    ExpertGroup1767000000000,
  ],
};
