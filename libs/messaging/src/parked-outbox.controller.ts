import { Controller, Get, Inject, NotFoundException, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Roles } from '@filing/auth';
import { MESSAGING_OPTIONS, MessagingOptions } from './messaging.options';

/**
 * Outbox rows the broker refused for good (admin only). Once the cause is fixed (e.g. the topic's max.message.bytes
 * raised), `retry` hands a row back to the relay; the rows of its key that waited behind it follow in order.
 */
@ApiTags('operations')
@ApiBearerAuth()
@Controller('admin/outbox/parked')
export class ParkedOutboxController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
  ) {}

  @Get()
  @Roles('admin')
  async list() {
    const s = this.options.schema;
    const items = await this.dataSource.query(
      `SELECT p.id, p.topic, p.key, p.created_at AS "createdAt", p.parked_at AS "parkedAt", p.attempts, p.last_error AS error,
              (SELECT count(*)::int FROM ${s}.outbox w WHERE w.key = p.key AND w.sent_at IS NULL AND w.seq > p.seq) AS "waitingBehind"
         FROM ${s}.outbox p WHERE p.sent_at IS NULL AND p.parked_at IS NOT NULL ORDER BY p.seq`,
    );
    return { items };
  }

  @Post(':id/retry')
  @Roles('admin')
  async retry(@Param('id', new ParseUUIDPipe()) id: string) {
    // For UPDATE … RETURNING, TypeORM answers [rows, affected].
    const [rows] = await this.dataSource.query(
      `UPDATE ${this.options.schema}.outbox SET parked_at = NULL WHERE id = $1 AND sent_at IS NULL AND parked_at IS NOT NULL RETURNING id, topic, key`,
      [id],
    );
    if (rows.length === 0) throw new NotFoundException(`no parked outbox row ${id}`);
    return { retried: rows[0] };
  }
}
