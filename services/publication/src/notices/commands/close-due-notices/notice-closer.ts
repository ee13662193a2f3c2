import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Events, PROVINCE_CODE } from '@filing/contracts';
import { AuditActor, AuditLog, systemActor } from '@filing/audit';
import { OutboxWriter } from '@filing/messaging';
import { Clock } from '@filing/runtime';
import { SCHEMA } from '../../../infrastructure/database';
import { decideNoticeOutcome, SettledObjection } from '../../domain/notice-outcome';
import { NOTICE_COLUMNS, NOTICE_FROM, NoticeRow } from '../../notice.row';

const BATCH = 20;

/**
 * Ends notices whose window is over. Each notice row is locked (FOR UPDATE SKIP LOCKED) and its status changed in
 * the same transaction as the outbox rows, so with several replicas or a restart mid-way a notice closes exactly once.
 */
@Injectable()
export class NoticeCloser {
  private readonly logger = new Logger('NoticeCloser');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
  ) {}

  /** One pass over due notices; returns how many were settled (closed or put on hold for objections). */
  async closeDue(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.dataSource.transaction(async (manager) => {
        const due: NoticeRow[] = await manager.query(
          `SELECT ${NOTICE_COLUMNS} FROM ${NOTICE_FROM} WHERE n.status = 'open' AND n.closes_at <= $1 ORDER BY n.closes_at LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
          [this.clock.now()],
        );
        for (const notice of due) await this.settle(manager, notice, systemActor('publication', notice.jurisdiction));
        return due.length;
      });
      total += n;
      if (n < BATCH) return total;
    }
  }

  /**
   * After an objection is resolved: if the window is over and nothing is left open, the notice closes now.
   * The caller holds the notice row lock; `actor` is who settled the last objection (audited as closing the notice).
   */
  async closeIfSettled(manager: EntityManager, noticeId: string, actor: AuditActor): Promise<void> {
    const [notice]: NoticeRow[] = await manager.query(`SELECT ${NOTICE_COLUMNS} FROM ${NOTICE_FROM} WHERE n.id = $1 FOR UPDATE`, [noticeId]);
    if (!notice || notice.status === 'closed') return;
    if (notice.status === 'open' && new Date(notice.closesAt) > this.clock.now()) return;
    await this.settle(manager, notice, actor);
  }

  private async settle(manager: EntityManager, notice: NoticeRow, actor: AuditActor): Promise<void> {
    const objections: (Omit<SettledObjection, 'status'> & { status: string })[] = await manager.query(
      `SELECT status, scope, struck_occupation_codes AS "struckOccupationCodes" FROM ${SCHEMA}.objection WHERE notice_id = $1`,
      [notice.id],
    );
    if (objections.some((o) => o.status === 'open' || o.status === 'investigating')) {
      // 异议未处理完毕: the window is over but the filing notice waits until every objection is settled.
      if (notice.status === 'open') {
        await manager.query(`UPDATE ${SCHEMA}.notice SET status = 'awaiting-objections' WHERE id = $1`, [notice.id]);
        await this.audit.append(manager, {
          caseId: notice.caseId,
          jurisdiction: notice.jurisdiction,
          action: 'notice-held-for-objections',
          fromStage: 'open',
          toStage: 'awaiting-objections',
          actor,
          at: this.clock.now().toISOString(),
          details: { noticeId: notice.id, openObjections: objections.filter((o) => o.status === 'open' || o.status === 'investigating').length },
        });
        this.logger.log(`notice ${notice.id}: window over, held for open objections`);
      }
      return;
    }
    const { outcome, remainingOccupations } = decideNoticeOutcome(notice.occupations, objections as SettledObjection[]);
    const passed = outcome !== 'objection-upheld';
    const closedAt = this.clock.now();
    const [rows]: [unknown[], number] = await manager.query(
      `UPDATE ${SCHEMA}.notice SET status = 'closed', outcome = $2, remaining_occupations = $3, closed_at = $4, filing_status = $5
        WHERE id = $1 AND status <> 'closed' RETURNING id`,
      [notice.id, outcome, JSON.stringify(remainingOccupations), closedAt, passed ? 'requested' : 'none'],
    );
    if (rows.length === 0) return;
    await this.audit.append(manager, {
      caseId: notice.caseId,
      jurisdiction: notice.jurisdiction,
      action: 'notice-closed',
      fromStage: notice.status,
      toStage: 'closed',
      actor,
      at: closedAt.toISOString(),
      reason: outcome,
      details: { noticeId: notice.id, outcome, remainingOccupations: remainingOccupations.map((o) => o.code), filingRequested: passed },
    });
    await this.outbox.add(manager, Events.noticeClosed, {
      caseId: notice.caseId,
      jurisdiction: notice.jurisdiction,
      noticeId: notice.id,
      outcome,
      remainingOccupations,
      closedAt: closedAt.toISOString(),
    });
    if (passed) {
      // 报请下发备案通知: the province's centre for a province case, the regional HRSS department for a city case.
      await this.outbox.add(manager, Events.filingRequested, {
        caseId: notice.caseId,
        jurisdiction: notice.jurisdiction,
        noticeId: notice.id,
        requestedBy: notice.jurisdiction === PROVINCE_CODE ? 'centre:220000' : `hrss:${notice.jurisdiction}`,
        requestedAt: closedAt.toISOString(),
      });
    }
    this.logger.log(`notice ${notice.id} closed: ${outcome}`);
  }
}
