import { BadRequestException, Body, Controller, Get, Inject, NotFoundException, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsNumberString, IsOptional, IsString, Min } from 'class-validator';
import { Roles } from '@filing/auth';
import { dltOf } from '@filing/contracts';
import { MESSAGING_OPTIONS, MessagingOptions } from '../messaging.options';
import { consumedTopics } from '../on-event.decorator';
import { DeadLetterStore } from './dead-letter.store';

export class ListDeadLettersQuery {
  /** An original topic this service consumes; all of them when absent. */
  @IsOptional() @IsString() topic?: string;
  /** `all` lists every consumer group's entries; this service's own by default. */
  @IsOptional() @IsString() group?: string;
}

export class RedriveDeadLettersRequest {
  /** The original topic (not the `.dlt`). */
  @IsString() topic!: string;
  /** One entry: its DLT partition and offset. Leave both out with `all: true` to re-send every entry of the topic. */
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) partition?: number;
  @IsOptional() @IsNumberString() offset?: string;
  @IsOptional() @IsBoolean() all?: boolean;
}

/**
 * Dead letters as an operator's tool (admin only): list the messages this service parked in `<topic>.dlt` with
 * their error headers, show one, and re-send one or all of a topic to the original topic (same `ce_id`, so inboxes
 * still dedupe). The same operations as `npm run dlt`.
 */
@ApiTags('operations')
@ApiBearerAuth()
@Controller('admin/dead-letters')
export class DeadLettersController {
  constructor(
    private readonly store: DeadLetterStore,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
  ) {}

  @Get()
  @Roles('admin')
  @ApiOkResponse({ description: '`items`: the parked messages, oldest first per DLT partition, with their error headers.' })
  async list(@Query() q: ListDeadLettersQuery) {
    const topics = this.topics(q.topic);
    const items = await this.store.list(topics.map(dltOf), { consumerGroup: q.group === 'all' ? undefined : this.options.groupId });
    return { topics, items };
  }

  @Get(':dltTopic/:partition/:offset')
  @Roles('admin')
  async show(@Param('dltTopic') dltTopic: string, @Param('partition') partition: string, @Param('offset') offset: string) {
    if (!this.topics().some((t) => dltOf(t) === dltTopic)) throw new NotFoundException(`${dltTopic} is not a dead-letter topic of this service`);
    if (!/^\d+$/.test(partition) || !/^\d+$/.test(offset)) throw new BadRequestException('partition and offset must be whole numbers');
    const entry = await this.store.show(dltTopic, Number(partition), offset);
    if (!entry) throw new NotFoundException(`no message at ${dltTopic}[${partition}]@${offset}`);
    return entry;
  }

  @Post('redrive')
  @Roles('admin')
  @ApiOkResponse({ description: '`redriven`: what was re-sent, from which DLT position to which topic.' })
  async redrive(@Body() body: RedriveDeadLettersRequest) {
    const [topic] = this.topics(body.topic);
    const one = body.partition !== undefined || body.offset !== undefined;
    if (one === Boolean(body.all)) throw new BadRequestException('give either partition and offset of one entry, or all: true');
    if (one) {
      if (body.partition === undefined || body.offset === undefined) throw new BadRequestException('partition and offset go together');
      const entry = await this.store.show(dltOf(topic), body.partition, body.offset);
      if (!entry) throw new NotFoundException(`no message at ${dltOf(topic)}[${body.partition}]@${body.offset}`);
      return this.store.redrive([entry]);
    }
    return this.store.redrive(await this.store.list([dltOf(topic)], { consumerGroup: this.options.groupId }));
  }

  private topics(topic?: string): string[] {
    const mine = consumedTopics();
    if (topic === undefined) return mine;
    if (!mine.includes(topic)) throw new NotFoundException(`${topic} is not a topic this service consumes (${mine.join(', ')})`);
    return [topic];
  }
}
