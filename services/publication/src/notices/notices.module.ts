import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { CloseDueNoticesScheduler } from './commands/close-due-notices/close-due-notices.scheduler';
import { NoticeCloser } from './commands/close-due-notices/notice-closer';
import { OpenNoticeMessageController } from './commands/open-notice/open-notice.message-controller';
import { GetNoticeController } from './queries/get-notice/get-notice.controller';
import { ListNoticesController } from './queries/list-notices/list-notices.controller';
import { ListOpenNoticesController } from './queries/list-open-notices/list-open-notices.controller';

@Module({
  imports: [CalendarModule],
  controllers: [OpenNoticeMessageController, ListOpenNoticesController, GetNoticeController, ListNoticesController],
  providers: [NoticeCloser, CloseDueNoticesScheduler],
  exports: [NoticeCloser],
})
export class NoticesModule {}
