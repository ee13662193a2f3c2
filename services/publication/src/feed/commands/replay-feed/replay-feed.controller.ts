import { BadRequestException, Body, Controller, HttpCode, Post } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { KafkaProducerHolder } from '@filing/messaging';
import { Clock } from '@filing/runtime';
import { replayFeed, ReplayFrom } from './feed-replay';
import { ReplayFeedRequest } from './replay-feed.request';

/** Operator endpoint: re-publish the national feed from a sequence number or a date, with the original ids. */
@ApiTags('national feed')
@ApiBearerAuth()
@Controller('national-feed/replays')
export class ReplayFeedController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly producer: KafkaProducerHolder,
    private readonly clock: Clock,
  ) {}

  @Post()
  @HttpCode(200)
  @Roles('admin')
  async replay(@Body() body: ReplayFeedRequest, @CurrentPrincipal() principal: Principal) {
    const from = replayFromRequest(body);
    return replayFeed((sql, params) => this.dataSource.query(sql, params), this.producer.producer, from, principal.sub, this.clock.now());
  }
}

export function replayFromRequest(body: ReplayFeedRequest): ReplayFrom {
  if ((body.fromSequence === undefined) === (body.fromDate === undefined)) throw new BadRequestException('give exactly one of fromSequence and fromDate');
  return body.fromSequence !== undefined ? { fromSequence: body.fromSequence } : { fromDate: body.fromDate! };
}
