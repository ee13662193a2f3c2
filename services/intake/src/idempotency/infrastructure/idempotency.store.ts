import { BadRequestException, Injectable, UnprocessableEntityException } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { Clock } from '@filing/runtime';
import { canonicalJson } from '../canonical-json';
import { IdempotencyKey } from './idempotency-key.entity';

const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

export interface IdempotentOutcome<T> {
  result: T;
  /** True when this is a retry answered from the first request's stored result. */
  replayed: boolean;
}

/**
 * `Idempotency-Key`: the first request with a key does the work and stores its answer in the same transaction;
 * a retry with the same key and the same request gets that answer back and changes nothing; the same key with a
 * different request is refused. A concurrent retry waits on the key's row until the first one commits.
 */
@Injectable()
export class IdempotencyStore {
  constructor(private readonly clock: Clock) {}

  async once<T>(
    manager: EntityManager,
    scope: string,
    key: string | undefined,
    operation: string,
    request: unknown,
    work: () => Promise<T>,
  ): Promise<IdempotentOutcome<T>> {
    if (key === undefined) return { result: await work(), replayed: false };
    if (!KEY_PATTERN.test(key)) throw new BadRequestException('Idempotency-Key must be 1 to 200 visible ASCII characters');
    const requestHash = createHash('sha256').update(canonicalJson({ operation, request })).digest('hex');
    const inserted = await manager.query(
      `INSERT INTO intake.idempotency_key (scope, key, request_hash, operation, created_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT DO NOTHING RETURNING key`,
      [scope, key, requestHash, operation, this.clock.now()],
    );
    if (inserted.length === 0) {
      const first = await manager.findOneByOrFail(IdempotencyKey, { scope, key });
      if (first.requestHash !== requestHash) {
        throw new UnprocessableEntityException(
          `Idempotency-Key ${key} was already used for a different request (${first.operation}); use a new key for a new request`,
        );
      }
      return { result: first.response as T, replayed: true };
    }
    const result = await work();
    await manager.update(IdempotencyKey, { scope, key }, { response: result as object });
    return { result, replayed: false };
  }
}
