import { BadRequestException, Body, Controller, HttpCode, Post } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { AuditLog, principalActor } from '@filing/audit';
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
    private readonly audit: AuditLog,
  ) {}

  @Post()
  @HttpCode(200)
  @Roles('admin')
  async replay(@Body() body: ReplayFeedRequest, @CurrentPrincipal() principal: Principal) {
    const from = replayFromRequest(body);
    const now = this.clock.now();
    const result = await replayFeed((sql, params) => this.dataSource.query(sql, params), this.producer.producer, from, principal.sub, now);
    // A replay writes nothing but Kafka records, so it is audited once the broker has acknowledged them.
    await this.dataSource.transaction((manager) =>
      this.audit.append(manager, {
        jurisdiction: principal.jurisdiction,
        action: 'feed-replayed',
        actor: principalActor(principal, 'admin'),
        at: now.toISOString(),
        details: { from, replayId: result.replayId, events: result.events, firstSequence: result.firstSequence, lastSequence: result.lastSequence },
      }),
    );
    return result;
  }
}

export function replayFromRequest(body: ReplayFeedRequest): ReplayFrom {
  if ((body.fromSequence === undefined) === (body.fromDate === undefined)) throw new BadRequestException('give exactly one of fromSequence and fromDate');
  return body.fromSequence !== undefined ? { fromSequence: body.fromSequence } : { fromDate: body.fromDate! };
}
