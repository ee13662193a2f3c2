// Runs this service's pending migrations and exits: `npm run migrate` (all services) or this file alone.
import 'reflect-metadata';
import { openDataSource } from '@filing/runtime';
import { serviceDatabase } from './infrastructure/database';

openDataSource(serviceDatabase, true)
  .then((ds) => ds.destroy())
  .catch((err) => {
    process.stderr.write(`migration failed: ${err.message}\n`);
    process.exit(1);
  });
