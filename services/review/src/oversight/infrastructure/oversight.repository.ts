import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { CaseStage, CaseStageChanged, InstanceHeartbeat, StageCountPart } from '@filing/contracts';
import { reviewInstance } from '../../infrastructure/review.config';

export interface OversightCaseRow {
  caseId: string;
  jurisdiction: string;
  institutionName: string | null;
  stage: CaseStage;
  stageEnteredAt: Date;
  openedAt: Date | null;
  filedAt: Date | null;
}

export interface StageStayRow {
  caseId: string;
  jurisdiction: string;
  stage: CaseStage;
  enteredAt: Date;
  leftAt: Date;
}

export interface InstanceRow {
  jurisdiction: string;
  asOf: Date;
  heardAt: Date;
  openCases: number;
  overdueCases: number;
  byStage: StageCountPart[];
}

/** Own cases of an instance, as its cases export lists them. */
export interface HeldCaseRow {
  caseId: string;
  jurisdiction: string;
  institutionName: string;
  applicationKind: string;
  stage: CaseStage;
  stageEnteredAt: Date;
  submittedAt: Date;
}

/**
 * The oversight read model (省级监管) in `oversight_case`, `oversight_stage_stay` and `oversight_instance`, filled only
 * from events, never from another instance's tables; and this instance's own cases, counted for its heartbeat.
 */
@Injectable()
export class OversightRepository {
  private get s(): string {
    return reviewInstance.schema;
  }

  /** One step of a case: closes its stay in the stage it left, opens one in the stage it entered (unless final). */
  async recordStep(manager: EntityManager, e: CaseStageChanged, final: boolean): Promise<void> {
    await manager.query(`UPDATE ${this.s}.oversight_stage_stay SET left_at = $2 WHERE case_id = $1 AND left_at IS NULL`, [e.caseId, e.at]);
    if (!final) {
      await manager.query(
        `INSERT INTO ${this.s}.oversight_stage_stay (case_id, jurisdiction, stage, entered_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
        [e.caseId, e.jurisdiction, e.to, e.at],
      );
    }
    await manager.query(
      `INSERT INTO ${this.s}.oversight_case (case_id, jurisdiction, institution_name, stage, stage_entered_at, opened_at, filed_at, last_event_at)
       VALUES ($1, $2, $3, $4, $5, CASE WHEN $6 THEN $5::timestamptz END, CASE WHEN $4 = 'FILING_NOTICE_ISSUED' THEN $5::timestamptz END, $5)
       ON CONFLICT (case_id) DO UPDATE SET
         institution_name = coalesce(EXCLUDED.institution_name, oversight_case.institution_name),
         stage = EXCLUDED.stage,
         stage_entered_at = EXCLUDED.stage_entered_at,
         opened_at = coalesce(oversight_case.opened_at, EXCLUDED.opened_at),
         filed_at = coalesce(EXCLUDED.filed_at, oversight_case.filed_at),
         last_event_at = EXCLUDED.last_event_at`,
      [e.caseId, e.jurisdiction, e.institutionName ?? null, e.to, e.at, e.from === undefined],
    );
  }

  /**
   * The latest heartbeat of an instance. One instance's heartbeats come in order (keyed by its jurisdiction) and once
   * each (the inbox), so the last one in is the latest; its own clock is recorded, not compared.
   */
  async recordHeartbeat(manager: EntityManager, e: InstanceHeartbeat, heardAt: Date): Promise<void> {
    await manager.query(
      `INSERT INTO ${this.s}.oversight_instance (jurisdiction, as_of, heard_at, open_cases, overdue_cases, by_stage) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (jurisdiction) DO UPDATE SET as_of = EXCLUDED.as_of, heard_at = EXCLUDED.heard_at, open_cases = EXCLUDED.open_cases,
         overdue_cases = EXCLUDED.overdue_cases, by_stage = EXCLUDED.by_stage`,
      [e.jurisdiction, e.asOf, heardAt, e.openCases, e.overdueCases, JSON.stringify(e.byStage)],
    );
  }

  async cases(manager: EntityManager, jurisdiction?: string): Promise<OversightCaseRow[]> {
    return manager.query(
      `SELECT case_id AS "caseId", jurisdiction, institution_name AS "institutionName", stage, stage_entered_at AS "stageEnteredAt",
              opened_at AS "openedAt", filed_at AS "filedAt"
         FROM ${this.s}.oversight_case WHERE ($1::text IS NULL OR jurisdiction = $1) ORDER BY jurisdiction, opened_at NULLS LAST, case_id`,
      [jurisdiction ?? null],
    );
  }

  /** Stays that ended: the working days each took are counted from these. */
  async finishedStays(manager: EntityManager): Promise<StageStayRow[]> {
    return manager.query(
      `SELECT case_id AS "caseId", jurisdiction, stage, entered_at AS "enteredAt", left_at AS "leftAt"
         FROM ${this.s}.oversight_stage_stay WHERE left_at IS NOT NULL ORDER BY stage, entered_at`,
    );
  }

  async instances(manager: EntityManager): Promise<InstanceRow[]> {
    return manager.query(
      `SELECT jurisdiction, as_of AS "asOf", heard_at AS "heardAt", open_cases AS "openCases", overdue_cases AS "overdueCases", by_stage AS "byStage"
         FROM ${this.s}.oversight_instance ORDER BY jurisdiction`,
    );
  }

  /** This instance's own cases (its `review_case` table), optionally of one jurisdiction and of some stages only. */
  async heldCases(manager: EntityManager, opts: { jurisdiction?: string; stages?: readonly CaseStage[] } = {}): Promise<HeldCaseRow[]> {
    return manager.query(
      `SELECT id AS "caseId", jurisdiction, institution->>'name' AS "institutionName", application_kind AS "applicationKind", stage,
              stage_entered_at AS "stageEnteredAt", submitted_at AS "submittedAt"
         FROM ${this.s}.review_case
        WHERE ($1::text IS NULL OR jurisdiction = $1) AND ($2::text[] IS NULL OR stage = ANY($2))
        ORDER BY submitted_at, id`,
      [opts.jurisdiction ?? null, opts.stages ? [...opts.stages] : null],
    );
  }

  /** Heartbeats already sent stay in the outbox only a day: they matter while fresh, and one is sent every interval. */
  async pruneSentHeartbeats(manager: EntityManager, topic: string, before: Date): Promise<void> {
    await manager.query(`DELETE FROM ${this.s}.outbox WHERE topic = $1 AND sent_at IS NOT NULL AND sent_at < $2`, [topic, before]);
  }
}
