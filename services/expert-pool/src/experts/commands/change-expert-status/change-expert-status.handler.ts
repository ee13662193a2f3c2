import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditLog, principalActor } from '@filing/audit';
import { Principal } from '@filing/auth';
import { Clock, IllegalStep, NotFound } from '@filing/runtime';
import { ExpertRepository } from '../../infrastructure/expert.repository';
import { ExpertStatus } from '../../infrastructure/expert.entity';
import { ExpertAccess } from '../../expert-access';
import { expertView } from '../../expert-view';
import { ChangeExpertStatusRequest } from './change-expert-status.request';

/** Which status each command leads to, and from which statuses. Removal (除名) is final. */
const TRANSITIONS: Record<'suspend' | 'reinstate' | 'remove', { to: ExpertStatus; from: ExpertStatus[] }> = {
  suspend: { to: 'suspended', from: ['active'] },
  reinstate: { to: 'active', from: ['suspended'] },
  remove: { to: 'removed', from: ['active', 'suspended'] },
};

/** Suspend (暂停), reinstate or remove (除名) an expert; only active experts are ever drawn. */
@Injectable()
export class ChangeExpertStatusHandler {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
    private readonly access: ExpertAccess,
    private readonly experts: ExpertRepository,
  ) {}

  suspend(id: string, body: ChangeExpertStatusRequest, p: Principal) {
    return this.change(id, 'suspend', body.reason, p);
  }

  reinstate(id: string, body: ChangeExpertStatusRequest, p: Principal) {
    return this.change(id, 'reinstate', body.reason, p);
  }

  remove(id: string, body: ChangeExpertStatusRequest, p: Principal) {
    return this.change(id, 'remove', body.reason, p);
  }

  private change(id: string, command: keyof typeof TRANSITIONS, reason: string, p: Principal) {
    return this.dataSource.transaction(async (m) => {
      const expert = await this.experts.forUpdate(m, id);
      if (!expert) throw new NotFound(`expert ${id} not found`);
      this.access.assertManagesDatabase(p, expert.level, id);
      const t = TRANSITIONS[command];
      if (!t.from.includes(expert.status)) {
        throw new IllegalStep({ message: `cannot ${command} an expert who is ${expert.status}`, status: expert.status, allowedFrom: t.from });
      }
      const from = expert.status;
      expert.status = t.to;
      expert.statusReason = reason;
      expert.updatedAt = this.clock.now();
      await this.experts.save(m, expert);
      await this.audit.append(m, {
        jurisdiction: expert.level,
        action: `expert-${command === 'remove' ? 'removed' : command === 'suspend' ? 'suspended' : 'reinstated'}`,
        fromStage: from,
        toStage: t.to,
        actor: principalActor(p, 'center-staff'),
        at: expert.updatedAt.toISOString(),
        reason,
        details: { expertId: id, name: expert.name },
      });
      return expertView(expert, p);
    });
  }
}
