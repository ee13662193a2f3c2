import { Module } from '@nestjs/common';
import { LoadCalendarOverridesController } from './commands/load-calendar-overrides/load-calendar-overrides.controller';
import { CalendarRepository } from './calendar.repository';
import { GetCalendarController } from './queries/get-calendar/get-calendar.controller';

@Module({
  controllers: [LoadCalendarOverridesController, GetCalendarController],
  providers: [CalendarRepository],
  exports: [CalendarRepository],
})
export class CalendarModule {}
