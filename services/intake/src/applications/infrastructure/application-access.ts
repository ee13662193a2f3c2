import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditLog, principalActor } from '@filing/audit';
import { Principal } from '@filing/auth';
import { Clock, NotAllowed, NotFound } from '@filing/runtime';
import { Application } from './application.entity';
import { materialsAccess, readAccess, ReadAccess } from '../domain/access-policy';
import { ApplicationRepository } from './application.repository';
import { ExpertGroupRepository } from './expert-group.repository';

/**
 * Loads an application for a caller. One the caller may not read is reported as not found, so ids of other
 * institutions' applications reveal nothing.
 */
@Injectable()
export class ApplicationAccess {
  constructor(
    private readonly applications: ApplicationRepository,
    private readonly groups: ExpertGroupRepository,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async readable(manager: EntityManager, principal: Principal, id: string): Promise<{ application: Application; access: ReadAccess }> {
    const application = await this.applications.byId(manager, id);
    const access = application ? readAccess(principal, application) : undefined;
    if (!application || !access?.allowed) throw new NotFound(`application ${id} not found`);
    return { application, access };
  }

  /**
   * The application whose materials the caller may read: as `readable`, or as a member of the case's expert group
   * (`asGroupMember`: the read is then logged). Anyone else hears that it does not exist.
   */
  async materialsReadable(manager: EntityManager, principal: Principal, id: string): Promise<{ application: Application; asGroupMember: boolean }> {
    const application = await this.applications.byId(manager, id);
    const group = application && principal.hasRole('expert') ? await this.groups.ofCase(manager, id) : null;
    const access = application
      ? materialsAccess(
          principal,
          application,
          (group?.members ?? []).map((m) => m.expertId),
        )
      : undefined;
    if (!application || !access?.allowed) throw new NotFound(`application ${id} not found`);
    return { application, asGroupMember: access.asGroupMember };
  }

  /** A group member's read of the materials, in the audit log the centre sees (who, what, when), before it happens. */
  async logGroupMemberRead(
    manager: EntityManager,
    principal: Principal,
    application: Application,
    action: 'materials-listed' | 'material-downloaded',
    details: Record<string, unknown> = {},
  ): Promise<void> {
    await this.audit.append(manager, {
      caseId: application.id,
      jurisdiction: application.jurisdiction,
      action,
      actor: principalActor(principal, 'expert'),
      at: this.clock.now().toISOString(),
      details: { expertId: principal.expertId, ...details },
    });
  }

  /** The application, locked for update, when the caller is the applicant that owns it. */
  async ownedForUpdate(manager: EntityManager, principal: Principal, id: string): Promise<Application> {
    const application = await this.applications.forUpdate(manager, id);
    if (!application || !readAccess(principal, application).allowed) throw new NotFound(`application ${id} not found`);
    if (!principal.hasRole('applicant') || principal.creditCode !== application.creditCode) {
      throw new NotAllowed(`only the applicant ${application.creditCode} can change application ${id}`);
    }
    return application;
  }
}
