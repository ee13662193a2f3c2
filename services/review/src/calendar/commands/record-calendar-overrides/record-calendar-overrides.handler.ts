import { Injectable } from '@nestjs/common';
import { parseCalendarDate } from '@filing/calendar';
import { CalendarOverridesLoaded } from '@filing/contracts';
import { EventContext, UnprocessableEventError } from '@filing/messaging';
import { Clock } from '@filing/runtime';
import { reviewInstance } from '../../../infrastructure/review.config';

/**
 * An administrator loaded a year's calendar arrangement at publication: review keeps its own copy so the stage time
 * limits (办理时限) count on the same calendar as the public notice. The year's set replaces the earlier one; an older
 * load arriving after a newer one (a replay) changes nothing.
 */
@Injectable()
export class RecordCalendarOverridesHandler {
  constructor(private readonly clock: Clock) {}

  async execute(e: CalendarOverridesLoaded, ctx: EventContext): Promise<void> {
    const s = reviewInstance.schema;
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

    const [current] = await ctx.manager.query(`SELECT loaded_at FROM ${s}.calendar_year WHERE year = $1 FOR UPDATE`, [e.year]);
    if (current && new Date(current.loaded_at).getTime() >= new Date(e.loadedAt).getTime()) return;

    await ctx.manager.query(`DELETE FROM ${s}.calendar_override WHERE year = $1`, [e.year]);
    await ctx.manager.query(
      `INSERT INTO ${s}.calendar_year (year, loaded_at, loaded_by, event_id, recorded_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (year) DO UPDATE SET loaded_at = EXCLUDED.loaded_at, loaded_by = EXCLUDED.loaded_by, event_id = EXCLUDED.event_id, recorded_at = EXCLUDED.recorded_at`,
      [e.year, e.loadedAt, e.loadedBy.subject, ctx.meta.id, this.clock.now()],
    );
    await ctx.manager.query(`INSERT INTO ${s}.calendar_override (date, year, kind) SELECT d, $1, k FROM unnest($2::date[], $3::text[]) AS t(d, k)`, [
      e.year,
      e.days.map((d) => d.date),
      e.days.map((d) => d.kind),
    ]);
  }
}
