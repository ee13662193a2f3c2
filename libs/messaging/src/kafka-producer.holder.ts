import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Partitioners, Producer } from 'kafkajs';
import { HealthRegistry } from '@filing/runtime';
import { createKafka } from './kafka.client';
import { MESSAGING_OPTIONS, MessagingOptions } from './messaging.options';

/** The process's one idempotent producer (acks=-1, no topic auto-creation), shared by the relay and the DLT. */
@Injectable()
export class KafkaProducerHolder implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('KafkaProducer');
  readonly producer: Producer;
  private connected = false;

  constructor(@Inject(MESSAGING_OPTIONS) options: MessagingOptions, health: HealthRegistry) {
    this.producer = createKafka(options.groupId).producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      // Murmur2 on the key, as the Java client does: one case's events land on one partition.
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    this.producer.on(this.producer.events.CONNECT, () => (this.connected = true));
    this.producer.on(this.producer.events.DISCONNECT, () => (this.connected = false));
    health.register('kafka-producer', () => ({ ok: this.connected, detail: this.connected ? undefined : 'not connected' }));
  }

  async onModuleInit(): Promise<void> {
    await this.producer.connect();
    this.logger.log('producer connected');
  }

  async onApplicationShutdown(): Promise<void> {
    await this.producer.disconnect().catch(() => undefined);
  }
}
