import { messagingMigrations } from '@filing/messaging';
import { ServiceDatabaseOptions } from '@filing/runtime';
import { Notifications1768000000001 } from './migrations/1768000000001-notifications.migration';

export const SCHEMA = 'notification';

export const serviceDatabase: ServiceDatabaseOptions = {
  schema: SCHEMA,
  entities: [],
  migrations: [...messagingMigrations(SCHEMA), Notifications1768000000001],
};
