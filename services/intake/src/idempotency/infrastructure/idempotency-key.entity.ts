import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A client's `Idempotency-Key` and the answer given to the first request that carried it. */
@Entity({ name: 'idempotency_key' })
export class IdempotencyKey {
  /** Whose key: keys of different callers never collide. */
  @PrimaryColumn('text') scope!: string;
  @PrimaryColumn('text') key!: string;
  /** sha-256 of the operation and its canonical request. */
  @Column('text', { name: 'request_hash' }) requestHash!: string;
  @Column('text') operation!: string;
  @Column('jsonb', { nullable: true }) response!: unknown;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
}
