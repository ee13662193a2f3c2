import { ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ActorPart, Events, Role } from '@filing/contracts';
import { OutboxWriter } from '@filing/messaging';
import { Clock } from '@filing/runtime';
import { appendAudit } from '../../audit/infrastructure/audit-log.store';
import { reviewInstance } from '../../infrastructure/review-instance.config';
import { caseLevel } from '../domain/case-access';
import { allowedActions, CaseAction, decideStep } from '../domain/case-lifecycle';
import { ReviewCase } from '../domain/case.entity';

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
}

export interface StepResult {
  before: ReviewCase;
  after: ReviewCase;
}

/**
 * Takes one step of the lifecycle inside the caller's transaction: checks it against the transition table, updates
 * the case only if nobody changed it meanwhile (optimistic lock on `version`), appends the audit entry and emits
 * `review.case.stage-changed.v1`. The caller adds the step's specific events in the same transaction.
 */
@Injectable()
export class CaseStepper {
  constructor(
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  async load(manager: EntityManager, caseId: string): Promise<ReviewCase | null> {
    return manager.getRepository(ReviewCase).findOneBy({ id: caseId });
  }

  async step(manager: EntityManager, req: StepRequest, loaded?: ReviewCase): Promise<StepResult> {
    const before = loaded ?? (await this.load(manager, req.caseId));
    if (!before) throw new NotFoundException(`case ${req.caseId} not found at this review instance`);
    const decision = decideStep(before.stage, req.action, caseLevel(before.jurisdiction), req.by);
    if (!decision.ok) {
      const body = { message: decision.message, currentStage: before.stage, allowedActions: decision.allowedActions };
      throw decision.reason === 'illegal' ? new ConflictException(body) : new ForbiddenException(body);
    }
    const now = this.clock.now();
    const changes = req.changes?.(before) ?? {};
    const result = await manager
      .createQueryBuilder()
      .update(ReviewCase)
      .set({ ...changes, stage: decision.to, stageEnteredAt: now, lastReason: req.reason ?? null })
      .where('id = :id AND version = :version', { id: before.id, version: before.version })
      .execute();
    if (result.affected !== 1) {
      // Another command moved the case between our read and our write: nothing of ours is applied.
      const current = (await this.load(manager, before.id)) ?? before;
      throw new ConflictException({
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
      from: before.stage,
      to: decision.to,
      action: req.action,
      actor: req.actor,
      reason: req.reason,
      at,
    });
    return { before, after };
  }
}

function stripUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** The actor for a step driven by another service's event. */
export function eventActor(subject: string, role: Role, jurisdiction: string, name?: string): ActorPart {
  return { subject, role, jurisdiction, ...(name ? { name } : {}) };
}
