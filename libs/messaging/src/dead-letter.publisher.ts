import { Logger } from '@nestjs/common';
import { dltOf, Headers } from '@filing/contracts';
import { intEnv } from '@filing/runtime';
import { isMessageRejected } from './failure-kinds';
import { InboundMessage } from './inbound-message';
import { KafkaProducerHolder } from './kafka-producer.holder';
import { deadLetters, eventsConsumed } from './messaging.metrics';

export type DeadLetterReason = 'invalid-envelope' | 'invalid-payload' | 'untrusted-source' | 'unprocessable' | 'handler-failed' | 'predecessor-missing';

/** Headers of the original kept on a copy parked by reference: small, and enough to find and re-drive it. */
const REFERENCE_HEADERS = [
  Headers.id,
  Headers.type,
  Headers.source,
  Headers.specversion,
  Headers.time,
  Headers.subject,
  Headers.correlationId,
  Headers.causationId,
];

/**
 * Parks a message in `<topic>.dlt` with the error in its headers. A message too large to copy (the copy adds headers
 * on a topic with the same size limit) is parked by reference instead: topic, partition, offset and error, no value;
 * `npm run dlt -- redrive` reads the original back from its topic. If even that cannot be written, this throws: the
 * offset is not committed and the consumer retries, rather than dropping the message.
 */
export class DeadLetterPublisher {
  private readonly log = new Logger('DeadLetters');
  private readonly maxCopyBytes = intEnv('DLT_MAX_COPY_BYTES', 900_000);

  constructor(
    private readonly producerHolder: KafkaProducerHolder,
    private readonly groupId: string,
  ) {}

  async publish(message: InboundMessage, reason: DeadLetterReason, err: Error, attempts: number): Promise<void> {
    const dlt: Record<string, string> = {
      [Headers.dltError]: err.message.slice(0, 4000),
      [Headers.dltErrorKind]: reason,
      [Headers.dltOriginalTopic]: message.topic,
      [Headers.dltOriginalPartition]: String(message.partition),
      [Headers.dltOriginalOffset]: message.offset,
      [Headers.dltAttempts]: String(attempts),
      [Headers.dltConsumerGroup]: this.groupId,
    };
    const copy = { ...message.headers, ...dlt };
    const bytes = Buffer.byteLength(message.value ?? '') + Object.entries(copy).reduce((n, [k, v]) => n + Buffer.byteLength(k) + Buffer.byteLength(v), 0);
    let byReference = bytes > this.maxCopyBytes;
    if (!byReference) {
      try {
        await this.send(message, copy, message.value);
      } catch (sendErr) {
        if (!isMessageRejected(sendErr)) throw sendErr;
        byReference = true;
      }
    }
    if (byReference) {
      const kept = Object.fromEntries(REFERENCE_HEADERS.filter((h) => message.headers[h] !== undefined).map((h) => [h, message.headers[h].slice(0, 500)]));
      await this.send(message, { ...kept, ...dlt, [Headers.dltByReference]: 'true', [Headers.dltOriginalBytes]: String(bytes) }, null);
    }
    deadLetters.inc({ topic: message.topic, reason });
    eventsConsumed.inc({ topic: message.topic, outcome: 'dead-lettered' });
    this.log.error(
      `${message.topic}[${message.partition}]@${message.offset} dead-lettered${byReference ? ' by reference (too large to copy)' : ''} (${reason}): ${err.message}`,
    );
  }

  private async send(message: InboundMessage, headers: Record<string, string>, value: string | null): Promise<void> {
    await (await this.producerHolder.connectedProducer()).send({ topic: dltOf(message.topic), acks: -1, messages: [{ key: message.key, value, headers }] });
  }
}
