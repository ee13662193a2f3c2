import { BadRequestException, Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '@filing/auth';
import { calendarCoverage, CalendarDay, CalendarNotCoveredError, InvalidCalendarDateError, parseCalendarDate, shiftDate } from '@filing/calendar';
import { Clock } from '@filing/runtime';
import { CalendarRepository } from '../../infrastructure/calendar.repository';
import { GetCalendarDaysQuery } from './get-calendar-days.request';

const MAX_DAYS = 93;

/**
 * Which years the working-day calendar can answer for, how far ahead it reaches from today (with a warning from 60
 * days before its end), and the loaded overrides. Public: it is public information.
 */
@ApiTags('calendar')
@Public()
@Controller('calendar')
export class GetCalendarController {
  constructor(
    private readonly calendars: CalendarRepository,
    private readonly clock: Clock,
  ) {}

  @Get()
  async get() {
    const overrides = await this.calendars.overrides();
    const calendar = await this.calendars.calendar();
    return { coveredYears: calendar.coveredYears(), coverage: calendarCoverage(calendar, this.clock.today()), overrides };
  }

  /** Each day of a range as the notice window counts it (working day, weekend, holiday, make-up working day). */
  @Get('days')
  async days(@Query() q: GetCalendarDaysQuery): Promise<{ from: string; to: string; days: CalendarDay[] }> {
    try {
      parseCalendarDate(q.from);
      parseCalendarDate(q.to);
    } catch (err) {
      if (err instanceof InvalidCalendarDateError) throw new BadRequestException(err.message);
      throw err;
    }
    if (q.to < q.from) throw new BadRequestException(`to (${q.to}) is before from (${q.from})`);
    if (q.to > shiftDate(q.from, MAX_DAYS - 1)) throw new BadRequestException(`at most ${MAX_DAYS} days at a time`);
    const calendar = await this.calendars.calendar();
    const days: CalendarDay[] = [];
    try {
      for (let d = q.from; d <= q.to; d = shiftDate(d, 1)) days.push(calendar.describeDay(d));
    } catch (err) {
      if (err instanceof CalendarNotCoveredError) throw new BadRequestException(err.message);
      throw err;
    }
    return { from: q.from, to: q.to, days };
  }
}
