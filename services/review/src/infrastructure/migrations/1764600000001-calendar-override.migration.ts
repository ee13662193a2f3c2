import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Review's copy of the working-day calendar overrides an administrator loads at publication (from
 * publication.calendar.overrides-loaded.v1): the days, and per year which load they came from.
 */
export class CalendarOverride1764600000001 implements MigrationInterface {
  name = 'CalendarOverride1764600000001';

  async up(q: QueryRunner): Promise<void> {
    const s = q.connection.driver.schema;
    await q.query(`CREATE TABLE ${s}.calendar_year (
      year integer PRIMARY KEY,
      loaded_at timestamptz NOT NULL,
      loaded_by text NOT NULL,
      event_id text NOT NULL,
      recorded_at timestamptz NOT NULL
    )`);
    await q.query(`CREATE TABLE ${s}.calendar_override (
      date date PRIMARY KEY,
      year integer NOT NULL REFERENCES ${s}.calendar_year (year),
      kind text NOT NULL CHECK (kind IN ('workday', 'holiday'))
    )`);
    await q.query(`CREATE INDEX calendar_override_year ON ${s}.calendar_override (year)`);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = q.connection.driver.schema;
    await q.query(`DROP TABLE ${s}.calendar_override`);
    await q.query(`DROP TABLE ${s}.calendar_year`);
  }
}
