import { Module } from '@nestjs/common';
import { AuditModule } from '@filing/audit';
import { AuthModule } from '@filing/auth';
import { MessagingModule } from '@filing/messaging';
import { DatabaseModule, RuntimeModule } from '@filing/runtime';
import { CalendarModule } from './calendar/calendar.module';
import { FeedModule } from './feed/feed.module';
import { FilingsModule } from './filings/filings.module';
import { SCHEMA, serviceDatabase } from './infrastructure/database';
import { PublicationConfigModule } from './infrastructure/publication-config.module';
import { NoticeBatchesModule } from './notice-batches/notice-batches.module';
import { NoticesModule } from './notices/notices.module';
import { ObjectionsModule } from './objections/objections.module';

@Module({
  imports: [
    RuntimeModule.forService(),
    AuthModule.forRoot(),
    DatabaseModule.forService(serviceDatabase),
    MessagingModule.forService({ service: 'publication', schema: SCHEMA }),
    AuditModule.forService({ schema: SCHEMA }),
    PublicationConfigModule,
    CalendarModule,
    NoticesModule,
    NoticeBatchesModule,
    ObjectionsModule,
    FilingsModule,
    FeedModule,
  ],
})
export class AppModule {}
