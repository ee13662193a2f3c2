import { Module } from '@nestjs/common';
import { AuthModule } from '@filing/auth';
import { MessagingModule } from '@filing/messaging';
import { DatabaseModule, RuntimeModule, ServiceConfigModule } from '@filing/runtime';
import { AuditModule } from './audit/audit.module';
import { CalendarModule } from './calendar/calendar.module';
import { CasesModule } from './cases/cases.module';
import { OversightModule } from './oversight/oversight.module';
import { RechecksModule } from './rechecks/rechecks.module';
import { reviewDatabase } from './infrastructure/database';
import { ReviewInstanceConfig, reviewInstance } from './infrastructure/review.config';

@Module({
  imports: [
    RuntimeModule.forService(),
    // The service's settings, read and checked once at start-up, injectable everywhere.
    ServiceConfigModule.of(ReviewInstanceConfig, reviewInstance),
    AuthModule.forRoot(),
    DatabaseModule.forService(reviewDatabase),
    MessagingModule.forService({
      service: 'review',
      schema: reviewInstance.schema,
      groupId: reviewInstance.groupId,
      source: `/services/review/${reviewInstance.jurisdiction}`,
    }),
    CasesModule,
    RechecksModule,
    AuditModule,
    CalendarModule,
    OversightModule.forInstance(reviewInstance),
  ],
})
export class AppModule {}
