import { Module } from '@nestjs/common';
import { DecideRecheckHandler } from './commands/decide-recheck/decide-recheck.handler';
import { QueueRecheckHandler } from './commands/queue-recheck/queue-recheck.handler';
import { StageDeadlines } from '../infrastructure/stage-deadlines';
import { StaffNotifications } from '../infrastructure/staff-notifications';
import { DecideRecheckController } from './commands/decide-recheck/decide-recheck.controller';
import { QueueRecheckMessageController } from './commands/queue-recheck/queue-recheck.message-controller';
import { ListRechecksController } from './queries/list-rechecks/list-rechecks.controller';
import { RecheckRequestRepository } from './infrastructure/recheck-request.repository';

/** The provincial centre's re-check queue (复核); active at the province instance only. */
@Module({
  controllers: [QueueRecheckMessageController, DecideRecheckController, ListRechecksController],
  providers: [RecheckRequestRepository, StageDeadlines, StaffNotifications, DecideRecheckHandler, QueueRecheckHandler],
})
export class RechecksModule {}
