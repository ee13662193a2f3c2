import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { reviewInstance } from '../../infrastructure/review.config';
import type { RecheckGate } from '@filing/contracts';
import { RecheckRequestRow } from '../domain/recheck-request';

/** The provincial centre's re-check queue (复核), kept at the province instance in `recheck_request`. */
@Injectable()
export class RecheckRequestRepository {
  /** The requests of a status (`all` for every one), oldest received first. */
  async list(manager: EntityManager, status: 'pending' | 'decided' | 'all'): Promise<RecheckRequestRow[]> {
    return manager.query(`SELECT * FROM ${reviewInstance.schema}.recheck_request WHERE ($1 = 'all' OR status = $1) ORDER BY received_at, id`, [status]);
  }

  async find(manager: EntityManager, id: string): Promise<RecheckRequestRow | null> {
    const rows: RecheckRequestRow[] = await manager.query(`SELECT * FROM ${reviewInstance.schema}.recheck_request WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** Queues a city's request, pending, with the snapshot it carried. */
  async add(
    manager: EntityManager,
    r: { id: string; caseId: string; jurisdiction: string; gate: RecheckGate; snapshot: unknown; requestedAt: string | Date; receivedAt: Date },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO ${reviewInstance.schema}.recheck_request (id, case_id, jurisdiction, gate, snapshot, requested_at, received_at, status, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'pending', 1)`,
      [r.id, r.caseId, r.jurisdiction, r.gate, JSON.stringify(r.snapshot), r.requestedAt, r.receivedAt],
    );
  }

  /**
   * Records the decision only if the request is still pending at `version` (optimistic lock: of two concurrent
   * decisions only one wins); false if it was not.
   */
  async decideIfPending(
    manager: EntityManager,
    id: string,
    version: number,
    d: { decision: string; reason: string; decidedBy: unknown; decidedAt: Date },
  ): Promise<boolean> {
    const updated: unknown[] = await manager.query(
      `UPDATE ${reviewInstance.schema}.recheck_request SET status = 'decided', decision = $1, reason = $2, decided_by = $3, decided_at = $4, version = version + 1
       WHERE id = $5 AND version = $6 AND status = 'pending' RETURNING id`,
      [d.decision, d.reason, JSON.stringify(d.decidedBy), d.decidedAt, id, version],
    );
    return (updated[0] as unknown[]).length === 1;
  }
}
