import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { Roles } from '@filing/auth';
import { FeedRepository } from '../../infrastructure/feed.repository';
import { ReconcileFeedRequest } from './reconcile-feed.request';

export class ListFeedQuery {
  @ApiProperty({ required: false, default: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(2147483647) fromSequence?: number;
  @ApiProperty({ required: false, default: 100 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000) limit?: number;
}

/**
 * Reconciliation with the national platform: given the ids it holds, which national events it is missing (replay
 * those), and which ids it holds that this feed never issued.
 */
@ApiTags('national feed')
@ApiBearerAuth()
@Controller('national-feed')
export class ReconcileFeedController {
  constructor(private readonly feed: FeedRepository) {}

  @Post('reconciliation')
  @HttpCode(200)
  @Roles('admin')
  async reconcile(@Body() body: ReconcileFeedRequest) {
    const held = new Set(body.heldIds);
    const all = await this.feed.all();
    const ours = new Set(all.map((f) => f.filingId));
    return {
      issued: all.length,
      held: held.size,
      missing: all.filter((f) => !held.has(f.filingId)),
      unknown: [...held].filter((id) => !ours.has(id)),
    };
  }

  /** The feed as issued, in sequence order: filing notices and register status changes. */
  @Get()
  @Roles('admin')
  async list(@Query() q: ListFeedQuery) {
    return { items: await this.feed.from(q.fromSequence ?? 1, q.limit ?? 100) };
  }
}
