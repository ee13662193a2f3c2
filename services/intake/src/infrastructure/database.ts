import { messagingTablesMigration } from '@filing/messaging';
import { ServiceDatabaseOptions } from '@filing/runtime';
import { Application } from '../applications/domain/application.entity';
import { CreateApplication1764100000001 } from './migrations/1764100000001-create-application.migration';

export const INTAKE_SCHEMA = 'intake';

export const intakeDatabase: ServiceDatabaseOptions = {
  schema: INTAKE_SCHEMA,
  entities: [Application],
  migrations: [messagingTablesMigration(INTAKE_SCHEMA), CreateApplication1764100000001],
};
