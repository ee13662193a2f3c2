import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { DataSource } from 'typeorm';
import { Roles } from '@filing/auth';
import { SCHEMA } from '../../../infrastructure/database';
import { ReconcileFeedRequest } from './reconcile-feed.request';

export class ListFeedQuery {
  @ApiProperty({ required: false, default: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) fromSequence?: number;
  @ApiProperty({ required: false, default: 100 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000) limit?: number;
}

/**
 * Reconciliation with the national platform: given the ids it holds, which filings it is missing (replay those), and
 * which ids it holds that this feed never issued.
 */
@ApiTags('national feed')
@ApiBearerAuth()
@Controller('national-feed')
export class ReconcileFeedController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Post('reconciliation')
  @HttpCode(200)
  @Roles('admin')
  async reconcile(@Body() body: ReconcileFeedRequest) {
    const held = new Set(body.heldIds);
    const all: { filingId: string; sequence: string; noticeNumber: string; noticeDate: string }[] = await this.dataSource.query(
      `SELECT id AS "filingId", feed_sequence AS sequence, notice_number AS "noticeNumber", to_char(notice_date, 'YYYY-MM-DD') AS "noticeDate"
         FROM ${SCHEMA}.filing ORDER BY feed_sequence`,
    );
    const ours = new Set(all.map((f) => f.filingId));
    const missing = all.filter((f) => !held.has(f.filingId)).map((f) => ({ ...f, sequence: Number(f.sequence) }));
    return {
      issued: all.length,
      held: held.size,
      missing,
      unknown: [...held].filter((id) => !ours.has(id)),
    };
  }

  /** The feed as issued, in sequence order. */
  @Get()
  @Roles('admin')
  async list(@Query() q: ListFeedQuery) {
    const rows: { sequence: string; event: unknown }[] = await this.dataSource.query(
      `SELECT feed_sequence AS sequence, event_payload AS event FROM ${SCHEMA}.filing WHERE feed_sequence >= $1 ORDER BY feed_sequence LIMIT $2`,
      [q.fromSequence ?? 1, q.limit ?? 100],
    );
    return { items: rows.map((r) => r.event) };
  }
}
