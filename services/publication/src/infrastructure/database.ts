import { messagingTablesMigration } from '@filing/messaging';
import { ServiceDatabaseOptions } from '@filing/runtime';

export const SCHEMA = 'publication';

export const serviceDatabase: ServiceDatabaseOptions = {
  schema: SCHEMA,
  entities: [],
  migrations: [messagingTablesMigration(SCHEMA)],
};
