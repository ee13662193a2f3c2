import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntitySubscriberInterface, QueryRunner, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';
import { MESSAGING_OPTIONS, MessagingOptions } from './messaging.options';

/**
 * Tells the relay that outbox rows were committed, after the commit (a TypeORM transaction subscriber). The relay of
 * this process is woken in memory when it is the one publishing the schema; otherwise (it is standby behind another
 * replica's lock, disabled, or this is a CLI) one `pg_notify` is sent outside the writer's transaction, coalesced
 * while one is in flight. A NOTIFY inside the writer's transaction would take PostgreSQL's notify-queue lock at every
 * such commit, which serialises those commits and their WAL flush: 668 instead of 5,070 commits/s here with 16
 * clients (docs/adr/0028-outbox-wake-and-batch-consumption.md).
 */
@Injectable()
export class OutboxWake implements EntitySubscriberInterface {
  private readonly logger = new Logger('OutboxWake');
  private readonly written = new WeakSet<QueryRunner>();
  private local?: () => boolean;
  private notifying = false;
  private again = false;

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    dataSource.subscribers.push(this);
  }

  /** The relay of this process: returns whether it took the wake (it publishes this schema now). */
  attachRelay(take: () => boolean): void {
    this.local = take;
  }

  /** An outbox row was written in this query runner's transaction. */
  rowWritten(queryRunner: QueryRunner): void {
    this.written.add(queryRunner);
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    // A nested transaction's release is not the commit.
    if (event.queryRunner.isTransactionActive || !this.written.delete(event.queryRunner)) return;
    if (this.local?.()) return;
    this.notifyOthers();
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (!event.queryRunner.isTransactionActive) this.written.delete(event.queryRunner);
  }

  /** For the relays of other processes, which LISTEN on the schema's channel. */
  private notifyOthers(): void {
    if (this.notifying) {
      this.again = true;
      return;
    }
    this.notifying = true;
    this.again = false;
    this.dataSource
      .query(`SELECT pg_notify($1, '')`, [outboxChannel(this.options.schema)])
      .catch((err: Error) => this.logger.warn(`outbox wake-up not sent (the relays' poll picks the rows up): ${err.message}`))
      .finally(() => {
        this.notifying = false;
        if (this.again) this.notifyOthers();
      });
  }
}

export function outboxChannel(schema: string): string {
  return `outbox_${schema}`;
}
