import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditLog, principalActor } from '@filing/audit';
import { Principal } from '@filing/auth';
import { Clock, IllegalStep, NotFound } from '@filing/runtime';
import { ObjectionsRepository } from '../../infrastructure/objections.repository';
import { InvestigateObjectionRequest } from './investigate-objection.request';

/** 核查: the centre starts verifying an objection (e.g. an on-site re-check); the note is kept on it and audited. */
@Injectable()
export class InvestigateObjectionHandler {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly objections: ObjectionsRepository,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
  ) {}

  async investigate(id: string, body: InvestigateObjectionRequest, principal: Principal) {
    return this.dataSource.transaction(async (manager) => {
      const o = await this.objections.lockWithNotice(manager, id);
      if (!o || !principal.canActInJurisdiction(o.jurisdiction)) throw new NotFound(`objection ${id} not found`);
      if (o.status !== 'open' && o.status !== 'investigating') throw new IllegalStep(`objection ${id} is already ${o.status}`);
      await this.objections.markInvestigating(manager, id, body.note);
      await this.audit.append(manager, {
        caseId: o.caseId,
        jurisdiction: o.jurisdiction,
        action: 'objection-investigated',
        fromStage: o.status,
        toStage: 'investigating',
        actor: principalActor(principal, 'center-staff'),
        at: this.clock.now().toISOString(),
        reason: body.note,
        details: { noticeId: o.noticeId, objectionId: id },
      });
      return { id, status: 'investigating' };
    });
  }
}
