import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Events, PROVINCE_CODE } from '@filing/contracts';
import { AuditActor, AuditLog, systemActor } from '@filing/audit';
import { OutboxWriter } from '@filing/messaging';
import { Clock } from '@filing/runtime';
import { decideNoticeOutcome, SettledObjection } from '../../domain/notice-outcome';
import { NoticesRepository } from '../../infrastructure/notices.repository';
import { NoticeRow } from '../../notice.row';

const BATCH = 20;

/**
 * Ends notices whose window is over. Each notice row is locked (FOR UPDATE SKIP LOCKED) and its status changed in
 * the same transaction as the outbox rows, so with several replicas or a restart mid-way a notice closes exactly once.
 */
@Injectable()
export class CloseDueNoticesHandler {
  private readonly logger = new Logger('NoticeCloser');

  constructor(
    private readonly notices: NoticesRepository,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
  ) {}

  /** One pass over due notices; returns how many were settled (closed or put on hold for objections). */
  async closeDue(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.notices.transaction(async (manager) => {
        const due = await this.notices.lockDue(manager, this.clock.now(), BATCH);
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
    const notice = await this.notices.lockNotice(manager, noticeId);
    if (!notice || notice.status === 'closed') return;
    if (notice.status === 'open' && new Date(notice.closesAt) > this.clock.now()) return;
    await this.settle(manager, notice, actor);
  }

  private async settle(manager: EntityManager, notice: NoticeRow, actor: AuditActor): Promise<void> {
    const objections = await this.notices.objectionsOf(manager, notice.id);
    if (objections.some((o) => o.status === 'open' || o.status === 'investigating')) {
      // 异议未处理完毕: the window is over but the filing notice waits until every objection is settled.
      if (notice.status === 'open') {
        await this.notices.holdForObjections(manager, notice.id);
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
    if (!(await this.notices.close(manager, { noticeId: notice.id, outcome, remainingOccupations, closedAt, filingRequested: passed }))) return;
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
