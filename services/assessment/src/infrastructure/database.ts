import { messagingTablesMigration } from '@filing/messaging';
import { ServiceDatabaseOptions } from '@filing/runtime';

export const SCHEMA = 'assessment';

export const serviceDatabase: ServiceDatabaseOptions = {
  schema: SCHEMA,
  entities: [],
  migrations: [messagingTablesMigration(SCHEMA)],
};
