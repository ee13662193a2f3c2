import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { CalendarOverride } from '@filing/calendar';
import { reviewInstance } from '../../infrastructure/review.config';

/** Review's copy of the calendar overrides loaded at publication (calendar_year: which load of a year it holds). */
@Injectable()
export class CalendarOverrideRepository {
  async overrides(m: EntityManager): Promise<CalendarOverride[]> {
    return m.query(`SELECT to_char(date, 'YYYY-MM-DD') AS date, kind FROM ${reviewInstance.schema}.calendar_override ORDER BY date`);
  }

  /** When the load of `year` held now was made, locked for update; undefined before any load of that year. */
  async lockYear(m: EntityManager, year: number): Promise<Date | undefined> {
    const [row] = await m.query(`SELECT loaded_at FROM ${reviewInstance.schema}.calendar_year WHERE year = $1 FOR UPDATE`, [year]);
    return row ? new Date(row.loaded_at) : undefined;
  }

  /** The year's days replaced by this load's. */
  async replaceYear(
    m: EntityManager,
    load: { year: number; loadedAt: string; loadedBy: string; eventId: string; recordedAt: Date; days: { date: string; kind: string }[] },
  ): Promise<void> {
    const s = reviewInstance.schema;
    await m.query(`DELETE FROM ${s}.calendar_override WHERE year = $1`, [load.year]);
    await m.query(
      `INSERT INTO ${s}.calendar_year (year, loaded_at, loaded_by, event_id, recorded_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (year) DO UPDATE SET loaded_at = EXCLUDED.loaded_at, loaded_by = EXCLUDED.loaded_by, event_id = EXCLUDED.event_id, recorded_at = EXCLUDED.recorded_at`,
      [load.year, load.loadedAt, load.loadedBy, load.eventId, load.recordedAt],
    );
    await m.query(`INSERT INTO ${s}.calendar_override (date, year, kind) SELECT d, $1, k FROM unnest($2::date[], $3::text[]) AS t(d, k)`, [
      load.year,
      load.days.map((d) => d.date),
      load.days.map((d) => d.kind),
    ]);
  }
}
