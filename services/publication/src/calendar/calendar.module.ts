import { Injectable, Module } from '@nestjs/common';
import { watchCalendarCoverage } from '@filing/calendar';
import { Clock, HealthRegistry } from '@filing/runtime';
import { LoadCalendarOverridesController } from './commands/load-calendar-overrides/load-calendar-overrides.controller';
import { LoadCalendarOverridesHandler } from './commands/load-calendar-overrides/load-calendar-overrides.handler';
import { CalendarRepository } from './infrastructure/calendar.repository';
import { GetCalendarController } from './queries/get-calendar/get-calendar.controller';

/** Warns (health, metrics) from 60 days before the calendar's data ends. */
@Injectable()
class CalendarCoverageWatch {
  constructor(health: HealthRegistry, clock: Clock, calendars: CalendarRepository) {
    watchCalendarCoverage(health, clock, () => calendars.calendar());
  }
}

@Module({
  controllers: [LoadCalendarOverridesController, GetCalendarController],
  providers: [CalendarRepository, CalendarCoverageWatch, LoadCalendarOverridesHandler],
  exports: [CalendarRepository],
})
export class CalendarModule {}
