import { DynamicModule, Global, Module } from '@nestjs/common';
import { intEnv } from '@filing/runtime';
import { KafkaProducerHolder } from './kafka-producer.holder';
import { MESSAGING_OPTIONS, MessagingOptions } from './messaging.options';
import { OutboxRelay } from './outbox.relay';
import { OutboxWriter } from './outbox.writer';

export type MessagingModuleOptions = Pick<MessagingOptions, 'service' | 'schema'> & Partial<Omit<MessagingOptions, 'service' | 'schema'>>;

/** Outbox, relay and producer for one service. The consumer is attached by `startHybridService`. */
@Global()
@Module({})
export class MessagingModule {
  static forService(opts: MessagingModuleOptions): DynamicModule {
    const options: MessagingOptions = {
      service: opts.service,
      schema: opts.schema,
      groupId: opts.groupId ?? opts.service,
      source: opts.source ?? `/services/${opts.service}`,
      maxAttempts: opts.maxAttempts ?? intEnv('EVENT_MAX_ATTEMPTS', 4),
      retryBackoffMs: opts.retryBackoffMs ?? intEnv('EVENT_RETRY_BACKOFF_MS', 250),
    };
    return {
      module: MessagingModule,
      providers: [{ provide: MESSAGING_OPTIONS, useValue: options }, KafkaProducerHolder, OutboxWriter, OutboxRelay],
      exports: [MESSAGING_OPTIONS, OutboxWriter, KafkaProducerHolder, OutboxRelay],
    };
  }
}
