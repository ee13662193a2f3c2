import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The province's oversight read model (省级监管), built from every instance's events only: each case's current stage,
 * each stay in a stage, and each instance's last heartbeat. Created in every schema; filled at the province instance.
 */
export class OversightReadModel1767000000001 implements MigrationInterface {
  name = 'OversightReadModel1767000000001';

  async up(q: QueryRunner): Promise<void> {
    const s = q.connection.driver.schema;
    await q.query(`CREATE TABLE ${s}.oversight_case (
      case_id text PRIMARY KEY,
      jurisdiction text NOT NULL,
      institution_name text,
      stage text NOT NULL,
      stage_entered_at timestamptz NOT NULL,
      opened_at timestamptz,
      filed_at timestamptz,
      last_event_at timestamptz NOT NULL
    )`);
    await q.query(`CREATE INDEX oversight_case_jurisdiction ON ${s}.oversight_case (jurisdiction, stage)`);
    await q.query(`CREATE TABLE ${s}.oversight_stage_stay (
      case_id text NOT NULL,
      jurisdiction text NOT NULL,
      stage text NOT NULL,
      entered_at timestamptz NOT NULL,
      left_at timestamptz,
      PRIMARY KEY (case_id, entered_at, stage)
    )`);
    await q.query(`CREATE INDEX oversight_stage_stay_stage ON ${s}.oversight_stage_stay (stage) WHERE left_at IS NOT NULL`);
    await q.query(`CREATE TABLE ${s}.oversight_instance (
      jurisdiction text PRIMARY KEY,
      as_of timestamptz NOT NULL,
      heard_at timestamptz NOT NULL,
      open_cases integer NOT NULL,
      overdue_cases integer NOT NULL,
      by_stage jsonb NOT NULL
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = q.connection.driver.schema;
    await q.query(`DROP TABLE ${s}.oversight_instance`);
    await q.query(`DROP TABLE ${s}.oversight_stage_stay`);
    await q.query(`DROP TABLE ${s}.oversight_case`);
  }
}
