import { INestApplication, Logger, Type } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { createServiceApp, HealthRegistry, intEnv, ServiceAppOptions } from '@filing/runtime';
import { EventConsumerServer } from './event-consumer.server';
import { createKafka } from './kafka.client';
import { KafkaProducerHolder } from './kafka-producer.holder';
import { MESSAGING_OPTIONS, MessagingOptions } from './messaging.options';

export interface HybridServiceOptions extends ServiceAppOptions {
  /** HTTP port; the PORT variable overrides it. */
  port: number;
}

/**
 * Starts one service process: HTTP (API, /health, /metrics, /docs) and the Kafka consumer side by side, as a NestJS
 * hybrid application.
 */
export async function startHybridService(module: Type<unknown>, opts: HybridServiceOptions): Promise<INestApplication> {
  const app = await createServiceApp(module, opts);
  const options = app.get<MessagingOptions>(MESSAGING_OPTIONS);
  const dataSource = app.get<DataSource>(getDataSourceToken());
  const health = app.get(HealthRegistry);
  // The one check that takes the process out of service: HTTP needs the database, not the broker (ADR 0009).
  health.register('database', async () => {
    await dataSource.query('SELECT 1');
    return { ok: true };
  });
  const server = new EventConsumerServer({
    // Requests may wait longer than the consumer's 30 s session: a SyncGroup held up by a group leader that died
    // without leaving lasts until the coordinator expires that member. With 15 s the live member gave up first,
    // rejoined, restarted the rebalance, and could go round like that for minutes (a notice not opened for 3 min in CI).
    kafka: createKafka(options.groupId, { requestTimeout: 45000 }),
    producerHolder: app.get(KafkaProducerHolder),
    dataSource,
    health,
    options,
  });
  // inheritAppConfig: the error filter passes handler errors through unchanged (see HttpErrorFilter).
  app.connectMicroservice({ strategy: server }, { inheritAppConfig: true });
  await app.startAllMicroservices();
  const port = intEnv('PORT', opts.port);
  await app.listen(port, process.env.HOST ?? '127.0.0.1');
  // Idle keep-alive connections stay open longer than clients (ingress, console proxy, fetch) keep theirs: with
  // Node's 5 s default a client reusing a connection the server has just closed gets "other side closed".
  const http = app.getHttpServer() as import('node:http').Server;
  http.keepAliveTimeout = intEnv('HTTP_KEEP_ALIVE_TIMEOUT_MS', 65000);
  http.headersTimeout = http.keepAliveTimeout + 1000;
  new Logger('Bootstrap').log(`${opts.name} listening on http://${process.env.HOST ?? '127.0.0.1'}:${port} (docs at /docs)`);
  return app;
}
