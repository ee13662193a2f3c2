import { DynamicModule, Global, Module } from '@nestjs/common';
import { intEnv } from '@filing/runtime';
import { DeadLetterStore } from './dead-letters/dead-letter.store';
import { DeadLettersController } from './dead-letters/dead-letters.controller';
import { createKafka } from './kafka.client';
import { KafkaProducerHolder } from './kafka-producer.holder';
import { MESSAGING_OPTIONS, MessagingOptions } from './messaging.options';
import { OutboxRelay } from './outbox.relay';
import { OutboxWake } from './outbox.wake';
import { OutboxWriter } from './outbox.writer';
import { ParkedOutboxController } from './parked-outbox.controller';

export type MessagingModuleOptions = Pick<MessagingOptions, 'service' | 'schema'> & Partial<Omit<MessagingOptions, 'service' | 'schema'>>;

/**
 * Outbox, relay and producer for one service, and the operator's endpoints for its dead letters and parked outbox
 * rows. The consumer is attached by `startHybridService`.
 */
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
      deferMaxMs: opts.deferMaxMs ?? intEnv('EVENT_DEFER_MAX_MS', 24 * 3600 * 1000),
    };
    return {
      module: MessagingModule,
      controllers: [DeadLettersController, ParkedOutboxController],
      providers: [
        { provide: MESSAGING_OPTIONS, useValue: options },
        KafkaProducerHolder,
        OutboxWake,
        OutboxWriter,
        OutboxRelay,
        {
          provide: DeadLetterStore,
          inject: [KafkaProducerHolder],
          useFactory: (holder: KafkaProducerHolder) => new DeadLetterStore(createKafka(`${options.groupId}-dlt`), () => holder.connectedProducer()),
        },
      ],
      exports: [MESSAGING_OPTIONS, OutboxWriter, KafkaProducerHolder, OutboxRelay],
    };
  }

  /**
   * The outbox writer alone, without a relay, a producer or a broker: for in-process specs of a use case's handler,
   * which read what the handler queued back from the `<schema>.outbox` table.
   */
  static outboxOnly(opts: MessagingModuleOptions): DynamicModule {
    const options: MessagingOptions = { groupId: opts.service, source: `/services/${opts.service}`, maxAttempts: 1, retryBackoffMs: 1, deferMaxMs: 1, ...opts };
    return {
      module: MessagingModule,
      providers: [{ provide: MESSAGING_OPTIONS, useValue: options }, OutboxWake, OutboxWriter],
      exports: [MESSAGING_OPTIONS, OutboxWriter],
    };
  }
}
