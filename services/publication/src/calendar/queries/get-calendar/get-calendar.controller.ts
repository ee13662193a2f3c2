import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '@filing/auth';
import { CalendarRepository } from '../../calendar.repository';

/** Which years the working-day calendar can answer for, and the loaded overrides. Public: it is public information. */
@ApiTags('calendar')
@Public()
@Controller('calendar')
export class GetCalendarController {
  constructor(private readonly calendars: CalendarRepository) {}

  @Get()
  async get() {
    const overrides = await this.calendars.overrides();
    return { coveredYears: (await this.calendars.calendar()).coveredYears(), overrides };
  }
}
