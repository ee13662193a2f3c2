import { Module } from '@nestjs/common';
import { StageDeadlines } from '../infrastructure/stage-deadlines';
import { DecideRecheckController } from './commands/decide-recheck/decide-recheck.controller';
import { QueueRecheckMessageController } from './commands/queue-recheck/queue-recheck.message-controller';
import { ListRechecksController } from './queries/list-rechecks/list-rechecks.controller';

/** The provincial centre's re-check queue (复核); active at the province instance only. */
@Module({ controllers: [QueueRecheckMessageController, DecideRecheckController, ListRechecksController], providers: [StageDeadlines] })
export class RechecksModule {}
