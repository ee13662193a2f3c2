import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditLog, principalActor } from '@filing/audit';
import { Principal } from '@filing/auth';
import { Clock, IllegalStep, NotFound } from '@filing/runtime';
import { ExpertRepository } from '../../infrastructure/expert.repository';
import { Expert } from '../../infrastructure/expert.entity';
import { ExpertAccess } from '../../expert-access';
import { expertView } from '../../expert-view';
import { LinkAccountRequest } from './link-account.request';

/**
 * Centre staff link an expert record to the identity-provider account that acts as that expert (one account, one
 * record), or remove the link. The account's `expertId` claim must name the record; expert-pool refuses an expert
 * token whose record is linked to another account (ExpertAccountCheck). Every change is in the audit log.
 */
@Injectable()
export class LinkAccountHandler {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
    private readonly access: ExpertAccess,
    private readonly experts: ExpertRepository,
  ) {}

  link(id: string, body: LinkAccountRequest, p: Principal) {
    const linking = this.dataSource.transaction(async (m) => {
      const expert = await this.managed(m, id, p);
      if (expert.status === 'removed')
        throw new IllegalStep({ code: 'EXPERT_REMOVED', message: `expert ${id} was removed from the database; a removed expert gets no account` });
      const holder = await this.experts.linkedTo(m, body.subject);
      if (holder && holder.id !== id) {
        // One account acts as one expert record: the token carries a single expertId.
        throw new IllegalStep({
          code: 'ACCOUNT_ALREADY_LINKED',
          message: `account ${body.subject} is already linked to another expert record`,
          expertId: holder.level === p.jurisdiction ? holder.id : undefined,
        });
      }
      const previous = expert.accountSubject;
      if (previous === body.subject && expert.accountUsername === (body.username ?? null)) return this.answer(expert, p);
      const now = this.clock.now();
      expert.accountSubject = body.subject;
      expert.accountUsername = body.username ?? null;
      expert.accountLinkedAt = now;
      expert.accountLinkedBy = p.sub;
      expert.updatedAt = now;
      await this.experts.save(m, expert);
      await this.audit.append(m, {
        jurisdiction: expert.level,
        action: 'expert-account-linked',
        actor: principalActor(p, 'center-staff'),
        at: now.toISOString(),
        details: { expertId: id, subject: body.subject, username: body.username ?? null, previousSubject: previous },
      });
      return this.answer(expert, p);
    });
    // Two records linked to one account at the same moment: the unique index decides, the loser hears why.
    return linking.catch((error: { driverError?: { code?: string } }) => {
      if (error?.driverError?.code === '23505')
        throw new IllegalStep({ code: 'ACCOUNT_ALREADY_LINKED', message: `account ${body.subject} is already linked to another expert record` });
      throw error;
    });
  }

  unlink(id: string, p: Principal) {
    return this.dataSource.transaction(async (m) => {
      const expert = await this.managed(m, id, p);
      if (!expert.accountSubject) return this.answer(expert, p);
      const previous = expert.accountSubject;
      const now = this.clock.now();
      Object.assign(expert, { accountSubject: null, accountUsername: null, accountLinkedAt: null, accountLinkedBy: null, updatedAt: now });
      await this.experts.save(m, expert);
      await this.audit.append(m, {
        jurisdiction: expert.level,
        action: 'expert-account-unlinked',
        actor: principalActor(p, 'center-staff'),
        at: now.toISOString(),
        details: { expertId: id, previousSubject: previous },
      });
      return this.answer(expert, p);
    });
  }

  private async managed(m: EntityManager, id: string, p: Principal): Promise<Expert> {
    const expert = await this.experts.forUpdate(m, id);
    if (!expert) throw new NotFound(`expert ${id} not found`);
    this.access.assertManagesDatabase(p, expert.level, id);
    return expert;
  }

  private answer(expert: Expert, p: Principal) {
    return { ...expertView(expert, p), claims: { expertId: expert.id, jurisdiction: expert.level } };
  }
}
