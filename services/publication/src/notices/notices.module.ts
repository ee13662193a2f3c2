import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { CloseDueNoticesScheduler } from './commands/close-due-notices/close-due-notices.scheduler';
import { CloseDueNoticesHandler } from './commands/close-due-notices/close-due-notices.handler';
import { OpenNoticeHandler } from './commands/open-notice/open-notice.handler';
import { NoticesRepository } from './infrastructure/notices.repository';
import { OpenNoticeMessageController } from './commands/open-notice/open-notice.message-controller';
import { GetNoticeController } from './queries/get-notice/get-notice.controller';
import { ListNoticesController } from './queries/list-notices/list-notices.controller';
import { ListOpenNoticesController } from './queries/list-open-notices/list-open-notices.controller';

@Module({
  imports: [CalendarModule],
  controllers: [OpenNoticeMessageController, ListOpenNoticesController, GetNoticeController, ListNoticesController],
  providers: [NoticesRepository, CloseDueNoticesHandler, OpenNoticeHandler, CloseDueNoticesScheduler],
  exports: [CloseDueNoticesHandler, NoticesRepository],
})
export class NoticesModule {}
