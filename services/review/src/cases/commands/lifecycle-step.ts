import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ActorPart, CaseStage, Events, Role } from '@filing/contracts';
import { EventTooEarlyError, OutboxWriter } from '@filing/messaging';
import { Clock, IllegalStep, NotAllowed, NotFound } from '@filing/runtime';
import { appendAudit } from '../../audit/infrastructure/audit-log.store';
import { reviewInstance } from '../../infrastructure/review.config';
import { StaffNotifications } from '../../infrastructure/staff-notifications';
import { caseLevel } from '../domain/case-access';
import { allowedActions, CaseAction, decideStep } from '../domain/case-lifecycle';
import { queueAt } from '../domain/queues';
import { ReviewCase } from '../infrastructure/case.entity';
import { CaseRepository } from '../infrastructure/case.repository';

export interface StepRequest {
  caseId: string;
  action: CaseAction;
  /** Who takes the step, as recorded in the audit log and the stage-changed event. */
  actor: ActorPart;
  /** The caller's roles for an HTTP command, or 'event' for a step driven by another service's event. */
  by: readonly Role[] | 'event';
  reason?: string;
  /** What else the audit entry should record (meeting reference, opinion id, ...). */
  details?: Record<string, unknown>;
  /** Further columns the step changes on the case. */
  changes?: (c: ReviewCase) => Partial<ReviewCase>;
  /**
   * For an event-driven step: stages at which the event came before the one it follows (another topic, so no order
   * between them). The consumer defers it (EventTooEarlyError) instead of refusing it.
   */
  earlyAt?: readonly CaseStage[];
}

export interface StepResult {
  before: ReviewCase;
  after: ReviewCase;
}

/**
 * Takes one step of the lifecycle (the table in domain/case-lifecycle.ts) inside the caller's handler transaction: checks it against the transition table, updates
 * the case only if nobody changed it meanwhile (optimistic lock on `version`), appends the audit entry and emits
 * `review.case.stage-changed.v1`; a case arriving in someone's queue tells them. The caller adds the step's specific
 * events in the same transaction.
 */
@Injectable()
export class LifecycleStep {
  constructor(
    private readonly cases: CaseRepository,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    private readonly staff: StaffNotifications,
  ) {}

  async load(manager: EntityManager, caseId: string): Promise<ReviewCase | null> {
    return this.cases.load(manager, caseId);
  }

  /** The case locked for update: consumers change it only under the row lock, so no update of theirs is lost. */
  async loadLocked(manager: EntityManager, caseId: string): Promise<ReviewCase | null> {
    return this.cases.loadLocked(manager, caseId);
  }

  async step(manager: EntityManager, req: StepRequest, loaded?: ReviewCase): Promise<StepResult> {
    const before = loaded ?? (await this.load(manager, req.caseId));
    if (!before) throw new NotFound(`case ${req.caseId} not found at this review instance`);
    if (req.earlyAt?.includes(before.stage)) {
      throw new EventTooEarlyError(`${req.action} for case ${before.id} at stage ${before.stage}: the event it follows has not arrived yet`);
    }
    const decision = decideStep(before.stage, req.action, caseLevel(before.jurisdiction), req.by);
    if (!decision.ok) {
      const body = { message: decision.message, currentStage: before.stage, allowedActions: decision.allowedActions };
      throw decision.reason === 'illegal' ? new IllegalStep(body) : new NotAllowed(body);
    }
    const now = this.clock.now();
    const changes = req.changes?.(before) ?? {};
    const applied = await this.cases.updateIfUnchanged(manager, before.id, before.version, {
      ...changes,
      stage: decision.to,
      stageEnteredAt: now,
      lastReason: req.reason ?? null,
    });
    if (!applied) {
      // Another command moved the case between our read and our write: nothing of ours is applied.
      const current = (await this.load(manager, before.id)) ?? before;
      throw new IllegalStep({
        message: `case ${before.id} was changed concurrently; reload it and try again`,
        currentStage: current.stage,
        allowedActions: allowedActions(current.stage, caseLevel(current.jurisdiction)),
      });
    }
    const after = (await this.load(manager, before.id))!;
    const at = now.toISOString();
    await appendAudit(manager, reviewInstance.schema, {
      caseId: before.id,
      jurisdiction: before.jurisdiction,
      action: req.action,
      fromStage: before.stage,
      toStage: decision.to,
      actor: stripUndefined(req.actor),
      at,
      reason: req.reason ?? null,
      details: req.details ?? {},
    });
    await this.outbox.add(manager, Events.caseStageChanged, {
      caseId: before.id,
      jurisdiction: before.jurisdiction,
      institutionName: before.institution.name,
      from: before.stage,
      to: decision.to,
      action: req.action,
      actor: req.actor,
      reason: req.reason,
      at,
    });
    const role = queueAt(decision.to);
    if (role) {
      await this.staff.tell(manager, {
        caseId: before.id,
        jurisdiction: before.jurisdiction,
        kind: 'case-in-queue',
        role,
        queueOf: before.jurisdiction,
        params: { institution: before.institution.name, stage: decision.to, arrivedAt: at },
        link: `/cases/${before.id}`,
        because: `${before.id}|v${after.version}`,
        at,
      });
    }
    return { before, after };
  }
}

function stripUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/**
 * Who a step driven by another service's event is recorded as (the notice, the group's leader, ...), in the
 * contract's actor shape. Not `@filing/audit`'s eventActor, which names the event itself.
 */
export function actorOnBehalfOf(subject: string, role: Role, jurisdiction: string, name?: string): ActorPart {
  return { subject, role, jurisdiction, ...(name ? { name } : {}) };
}
