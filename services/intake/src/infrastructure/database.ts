import { messagingTablesMigration } from '@filing/messaging';
import { ServiceDatabaseOptions } from '@filing/runtime';
import { Application } from '../applications/domain/application.entity';
import { CaseEvent } from '../applications/domain/case-event.entity';
import { FiledInstitution } from '../applications/domain/filed-institution.entity';
import { Material } from '../applications/domain/material.entity';
import { IdempotencyKey } from '../idempotency/idempotency-key.entity';
import { CreateApplication1764100000001 } from './migrations/1764100000001-create-application.migration';
import { DraftsMaterialsTimeline1764200000000 } from './migrations/1764200000000-drafts-materials-timeline.migration';
import { FiledInstitutionFilingNumber1764300000000 } from './migrations/1764300000000-filed-institution-filing-number.migration';

export const INTAKE_SCHEMA = 'intake';

export const intakeDatabase: ServiceDatabaseOptions = {
  schema: INTAKE_SCHEMA,
  entities: [Application, Material, CaseEvent, FiledInstitution, IdempotencyKey],
  migrations: [messagingTablesMigration(INTAKE_SCHEMA), CreateApplication1764100000001, DraftsMaterialsTimeline1764200000000, FiledInstitutionFilingNumber1764300000000],
};
