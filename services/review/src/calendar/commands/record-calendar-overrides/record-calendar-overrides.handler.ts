import { Injectable } from '@nestjs/common';
import { parseCalendarDate } from '@filing/calendar';
import { CalendarOverridesLoaded } from '@filing/contracts';
import { EventContext, UnprocessableEventError } from '@filing/messaging';
import { Clock } from '@filing/runtime';
import { CalendarOverrideRepository } from '../../infrastructure/calendar-override.repository';

/**
 * An administrator loaded a year's calendar arrangement at publication: review keeps its own copy so the stage time
 * limits (办理时限) count on the same calendar as the public notice. The year's set replaces the earlier one; an older
 * load arriving after a newer one (a replay) changes nothing.
 */
@Injectable()
export class RecordCalendarOverridesHandler {
  constructor(
    private readonly clock: Clock,
    private readonly calendar: CalendarOverrideRepository,
  ) {}

  async execute(e: CalendarOverridesLoaded, ctx: EventContext): Promise<void> {
    const seen = new Set<string>();
    for (const d of e.days) {
      let year: number;
      try {
        year = parseCalendarDate(d.date).year;
      } catch (err) {
        throw new UnprocessableEventError(`calendar overrides ${e.year}: ${(err as Error).message}`);
      }
      if (year !== e.year) throw new UnprocessableEventError(`calendar overrides ${e.year}: ${d.date} is not in ${e.year}`);
      if (seen.has(d.date)) throw new UnprocessableEventError(`calendar overrides ${e.year}: ${d.date} is listed twice`);
      seen.add(d.date);
    }

    const current = await this.calendar.lockYear(ctx.manager, e.year);
    if (current && current.getTime() >= new Date(e.loadedAt).getTime()) return;
    await this.calendar.replaceYear(ctx.manager, {
      year: e.year,
      loadedAt: e.loadedAt,
      loadedBy: e.loadedBy.subject,
      eventId: ctx.meta.id,
      recordedAt: this.clock.now(),
      days: e.days,
    });
  }
}
