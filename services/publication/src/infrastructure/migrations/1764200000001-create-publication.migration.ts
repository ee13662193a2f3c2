import { MigrationInterface, QueryRunner } from 'typeorm';

/** Notices (公示), objections (异议), filings (备案通知), the register, the national feed and the counters behind them. */
export class CreatePublication1764200000001 implements MigrationInterface {
  name = 'CreatePublication1764200000001';

  async up(q: QueryRunner): Promise<void> {
    const s = q.connection.driver.schema;
    await q.query(`
      CREATE TABLE ${s}.calendar_override (
        date       date PRIMARY KEY,
        kind       text NOT NULL CHECK (kind IN ('workday', 'holiday')),
        note       text,
        loaded_by  text NOT NULL,
        loaded_at  timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE ${s}.notice (
        id                     uuid PRIMARY KEY,
        case_id                uuid NOT NULL UNIQUE,
        jurisdiction           text NOT NULL,
        application_kind       text NOT NULL,
        institution            jsonb NOT NULL,
        occupations            jsonb NOT NULL,
        existing_filing_number text,
        approved_at            timestamptz NOT NULL,
        start_date             date NOT NULL,
        end_date               date NOT NULL,
        working_days           integer NOT NULL,
        publication_day_counts boolean NOT NULL,
        closes_at              timestamptz NOT NULL,
        status                 text NOT NULL CHECK (status IN ('open', 'awaiting-objections', 'closed')),
        outcome                text,
        remaining_occupations  jsonb,
        filing_status          text NOT NULL DEFAULT 'none' CHECK (filing_status IN ('none', 'requested', 'issued')),
        opened_at              timestamptz NOT NULL,
        closed_at              timestamptz
      )`);
    await q.query(`CREATE INDEX notice_due ON ${s}.notice (closes_at) WHERE status = 'open'`);
    await q.query(`CREATE INDEX notice_filing ON ${s}.notice (filing_status)`);
    await q.query(`
      CREATE TABLE ${s}.objection (
        id                      uuid PRIMARY KEY,
        notice_id               uuid NOT NULL REFERENCES ${s}.notice (id),
        receipt_number          text NOT NULL UNIQUE,
        objector_name           text NOT NULL,
        objector_id_number      text NOT NULL,
        objector_phone          text NOT NULL,
        objector_email          text,
        objector_address        text,
        reason                  text NOT NULL,
        client_ip               text,
        status                  text NOT NULL CHECK (status IN ('open', 'investigating', 'upheld', 'dismissed')),
        investigation_note      text,
        scope                   text CHECK (scope IN ('whole-case', 'occupations')),
        struck_occupation_codes jsonb NOT NULL DEFAULT '[]',
        resolution_reason       text,
        resolved_by             jsonb,
        received_at             timestamptz NOT NULL,
        resolved_at             timestamptz
      )`);
    await q.query(`CREATE INDEX objection_notice ON ${s}.objection (notice_id, status)`);
    // One row per counter ('filing-notice:2026', 'national-feed'); incremented in the transaction that uses the value,
    // so a rolled-back issue leaves no gap and concurrent issues queue on the row lock.
    await q.query(`CREATE TABLE ${s}.counter (name text PRIMARY KEY, value bigint NOT NULL)`);
    await q.query(`
      CREATE TABLE ${s}.filing (
        id                uuid PRIMARY KEY,
        case_id           uuid NOT NULL UNIQUE,
        notice_id         uuid NOT NULL UNIQUE REFERENCES ${s}.notice (id),
        notice_year       integer NOT NULL,
        notice_seq        integer NOT NULL,
        notice_number     text NOT NULL UNIQUE,
        notice_date       date NOT NULL,
        feed_sequence     bigint NOT NULL UNIQUE,
        issued_by         jsonb NOT NULL,
        issued_at         timestamptz NOT NULL,
        event_headers     jsonb NOT NULL,
        event_payload     jsonb NOT NULL,
        UNIQUE (notice_year, notice_seq)
      )`);
    await q.query(`
      CREATE TABLE ${s}.register_entry (
        credit_code       text PRIMARY KEY,
        name              text NOT NULL,
        kind              text NOT NULL,
        jurisdiction      text NOT NULL,
        jurisdiction_name text NOT NULL,
        scope             text NOT NULL,
        contact           jsonb NOT NULL,
        occupations       jsonb NOT NULL,
        filings           jsonb NOT NULL,
        notice_number     text NOT NULL,
        notice_date       date NOT NULL,
        status            text NOT NULL CHECK (status IN ('valid', 'suspended', 'withdrawn')),
        first_filed_at    timestamptz NOT NULL,
        updated_at        timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX register_jurisdiction ON ${s}.register_entry (jurisdiction)`);
    await q.query(`CREATE INDEX register_occupations ON ${s}.register_entry USING gin (occupations jsonb_path_ops)`);
    await q.query(`
      CREATE TABLE ${s}.feed_replay (
        id            uuid PRIMARY KEY,
        from_sequence bigint,
        from_date     date,
        events        integer NOT NULL,
        requested_by  text NOT NULL,
        replayed_at   timestamptz NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = q.connection.driver.schema;
    for (const t of ['feed_replay', 'register_entry', 'filing', 'counter', 'objection', 'notice', 'calendar_override']) await q.query(`DROP TABLE ${s}.${t}`);
  }
}
