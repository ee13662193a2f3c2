import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Principal } from '@filing/auth';
import { Application } from './application.entity';
import { materialsAccess, readAccess, ReadAccess } from '../domain/access-policy';
import { ExpertGroup } from './expert-group.entity';

/**
 * Loads an application for a caller. One the caller may not read is reported as not found, so ids of other
 * institutions' applications reveal nothing.
 */
@Injectable()
export class ApplicationAccess {
  async readable(manager: EntityManager, principal: Principal, id: string): Promise<{ application: Application; access: ReadAccess }> {
    const application = await manager.findOneBy(Application, { id });
    const access = application ? readAccess(principal, application) : undefined;
    if (!application || !access?.allowed) throw new NotFoundException(`application ${id} not found`);
    return { application, access };
  }

  /**
   * The application whose materials the caller may read: as `readable`, or as a member of the case's expert group
   * (`asGroupMember`: the read is then logged). Anyone else hears that it does not exist.
   */
  async materialsReadable(manager: EntityManager, principal: Principal, id: string): Promise<{ application: Application; asGroupMember: boolean }> {
    const application = await manager.findOneBy(Application, { id });
    const group = application && principal.hasRole('expert') ? await manager.findOneBy(ExpertGroup, { applicationId: id }) : null;
    const access = application
      ? materialsAccess(
          principal,
          application,
          (group?.members ?? []).map((m) => m.expertId),
        )
      : undefined;
    if (!application || !access?.allowed) throw new NotFoundException(`application ${id} not found`);
    return { application, asGroupMember: access.asGroupMember };
  }

  /** The application, locked for update, when the caller is the applicant that owns it. */
  async ownedForUpdate(manager: EntityManager, principal: Principal, id: string): Promise<Application> {
    const application = await manager.findOne(Application, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!application || !readAccess(principal, application).allowed) throw new NotFoundException(`application ${id} not found`);
    if (!principal.hasRole('applicant') || principal.creditCode !== application.creditCode) {
      throw new ForbiddenException(`only the applicant ${application.creditCode} can change application ${id}`);
    }
    return application;
  }
}
