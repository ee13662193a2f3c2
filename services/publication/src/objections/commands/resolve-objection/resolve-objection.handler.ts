import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditLog, principalActor } from '@filing/audit';
import { Principal } from '@filing/auth';
import { Events } from '@filing/contracts';
import { OutboxWriter } from '@filing/messaging';
import { Clock, IllegalStep, InvalidCommand, NotFound } from '@filing/runtime';
import { CloseDueNoticesHandler } from '../../../notices/commands/close-due-notices/close-due-notices.handler';
import { NoticesRepository } from '../../../notices/infrastructure/notices.repository';
import { ObjectionsRepository } from '../../infrastructure/objections.repository';
import { ObjectorNotifications } from '../../infrastructure/objector-notifications';
import { ResolveObjectionRequest } from './resolve-objection.request';

/**
 * 异议处理结果: the centre settles an objection with reasons — upheld (the case fails, or some occupations are struck
 * out) or dismissed; the objector is told the outcome and the reasons. If the window is already over and this was the last open objection, the notice closes now, in the
 * same transaction.
 */
@Injectable()
export class ResolveObjectionHandler {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notices: NoticesRepository,
    private readonly objections: ObjectionsRepository,
    private readonly outbox: OutboxWriter,
    private readonly closer: CloseDueNoticesHandler,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
    private readonly objectors: ObjectorNotifications,
  ) {}

  async resolve(id: string, body: ResolveObjectionRequest, principal: Principal) {
    const struck = body.struckOccupationCodes ?? [];
    if (body.outcome === 'upheld' && !body.scope) throw new InvalidCommand('scope: required when the objection is upheld (whole-case or occupations)');
    if (body.outcome === 'dismissed' && (body.scope || struck.length))
      throw new InvalidCommand('scope and struckOccupationCodes: only for an upheld objection');
    if (body.scope === 'occupations' && struck.length === 0) throw new InvalidCommand('struckOccupationCodes: name the occupations struck out');
    if (body.scope === 'whole-case' && struck.length) throw new InvalidCommand('struckOccupationCodes: not used when the whole case fails');

    return this.dataSource.transaction(async (manager) => {
      const noticeId = await this.objections.noticeIdOf(manager, id);
      if (!noticeId) throw new NotFound(`objection ${id} not found`);
      // Lock order notice → objection, the same as the scheduler's.
      const notice = (await this.notices.lockNotice(manager, noticeId))!;
      if (!principal.canActInJurisdiction(notice.jurisdiction)) throw new NotFound(`objection ${id} not found`);
      const status = await this.objections.lockStatus(manager, id);
      if (status !== 'open' && status !== 'investigating') throw new IllegalStep(`objection ${id} is already ${status}`);
      const unknown = struck.filter((c) => !notice.occupations.some((occ) => occ.code === c));
      if (unknown.length) throw new InvalidCommand(`struckOccupationCodes: ${unknown.join(', ')} not on this notice`);
      const resolvedAt = this.clock.now();
      const resolvedBy = {
        subject: principal.sub,
        role: 'center-staff' as const,
        jurisdiction: principal.jurisdiction,
        ...(principal.name ? { name: principal.name } : {}),
      };
      await this.objections.resolve(manager, id, {
        outcome: body.outcome,
        scope: body.scope ?? null,
        struckOccupationCodes: struck,
        reason: body.reason,
        resolvedBy,
        resolvedAt,
      });
      const objector = await this.objections.contactOf(manager, id);
      await this.outbox.add(manager, Events.objectionResolved, {
        caseId: notice.caseId,
        jurisdiction: notice.jurisdiction,
        noticeId: notice.id,
        objectionId: id,
        receiptNumber: objector.receiptNumber,
        outcome: body.outcome,
        struckOccupationCodes: struck,
        reason: body.reason,
        resolvedBy,
        resolvedAt: resolvedAt.toISOString(),
      });
      await this.objectors.tell(
        manager,
        objector,
        { caseId: notice.caseId, jurisdiction: notice.jurisdiction, institution: notice.institution.name },
        'objection-decided',
        'decided',
        resolvedAt,
        { outcome: body.outcome, decidedAt: resolvedAt.toISOString(), reason: body.reason },
      );
      const actor = principalActor(principal, 'center-staff');
      await this.audit.append(manager, {
        caseId: notice.caseId,
        jurisdiction: notice.jurisdiction,
        action: 'objection-resolved',
        fromStage: status,
        toStage: body.outcome,
        actor,
        at: resolvedAt.toISOString(),
        reason: body.reason,
        details: { noticeId: notice.id, objectionId: id, outcome: body.outcome, scope: body.scope ?? null, struckOccupationCodes: struck },
      });
      await this.closer.closeIfSettled(manager, notice.id, actor);
      const after = await this.objections.noticeState(manager, notice.id);
      return { id, status: body.outcome, notice: { id: notice.id, status: after.status, outcome: after.outcome } };
    });
  }
}
