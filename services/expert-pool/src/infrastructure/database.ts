import { messagingTablesMigration } from '@filing/messaging';
import { ServiceDatabaseOptions } from '@filing/runtime';

export const SCHEMA = 'expert_pool';

export const serviceDatabase: ServiceDatabaseOptions = {
  schema: SCHEMA,
  entities: [],
  migrations: [messagingTablesMigration(SCHEMA)],
};
