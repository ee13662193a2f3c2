import { DynamicModule, Logger, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import * as pg from 'pg';
import { Client } from 'pg';
import { DataSource, DataSourceOptions } from 'typeorm';
import { boolEnv, databaseSessionLimits, databaseUrl, intEnv } from './config';

export interface ServiceDatabaseOptions {
  /** The service's own PostgreSQL schema; no service reads another's (docs/architecture.md §2). */
  schema: string;
  entities: NonNullable<DataSourceOptions['entities']>;
  migrations: NonNullable<DataSourceOptions['migrations']>;
}

const poolLogger = new Logger('Database');

/**
 * pg's Pool with one standing 'error' listener on every client it makes. A checked-out client has no listener of the
 * pool's, and TypeORM's own is attached a moment after checkout and removed before release; a server that ends the
 * session in such a gap (a database restart: FATAL 57P01 with no query running) made pg emit 'error' with nobody
 * listening, which ends the process (seen in the fault suite). The query that meets the dead connection still fails
 * and is handled as an outage; this listener only keeps the process alive and says what happened.
 */
class ResilientPool extends pg.Pool {
  constructor(config?: pg.PoolConfig) {
    super(config);
    this.on('connect', (client) => client.on('error', (err) => poolLogger.warn(`database connection lost: ${err.message}`)));
  }
}
const pgDriver = { ...pg, Pool: ResilientPool };

export function dataSourceOptions(opts: ServiceDatabaseOptions): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl(),
    schema: opts.schema,
    entities: opts.entities,
    migrations: opts.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    // Schema changes go through migrations only.
    synchronize: false,
    driver: pgDriver,
    extra: { max: intEnv('DATABASE_POOL_SIZE', 10), application_name: opts.schema, ...databaseSessionLimits() },
  };
}

export async function ensureSchema(schema: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name ${schema}`);
  const client = new Client({ connectionString: databaseUrl(), ...databaseSessionLimits() });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  } catch (err) {
    // Two services racing to create the same schema: the loser sees a unique violation; the schema exists.
    if ((err as { code?: string }).code !== '23505') throw err;
  } finally {
    await client.end();
  }
}

/** Creates the schema if needed, connects, and runs pending migrations. Used at start-up and by the migrate command. */
export async function openDataSource(opts: ServiceDatabaseOptions, migrate: boolean): Promise<DataSource> {
  await ensureSchema(opts.schema);
  const ds = new DataSource(dataSourceOptions(opts));
  await ds.initialize();
  if (migrate) {
    const ran = await ds.runMigrations({ transaction: 'each' });
    if (ran.length) new Logger('Database').log(`schema ${opts.schema}: ran ${ran.length} migration(s): ${ran.map((m) => m.name).join(', ')}`);
  }
  return ds;
}

@Module({})
export class DatabaseModule {
  /** TypeORM for one service; migrations run at start-up unless MIGRATE_ON_START=false. */
  static forService(opts: ServiceDatabaseOptions): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => dataSourceOptions(opts),
          dataSourceFactory: async () => openDataSource(opts, boolEnv('MIGRATE_ON_START', true)),
        }),
      ],
      exports: [TypeOrmModule],
    };
  }
}
