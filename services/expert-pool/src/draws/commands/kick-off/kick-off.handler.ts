import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Events } from '@filing/contracts';
import { AuditLog, principalActor } from '@filing/audit';
import { Principal } from '@filing/auth';
import { OutboxWriter } from '@filing/messaging';
import { Clock, IllegalStep, NotAllowed } from '@filing/runtime';
import { assertSeesDraw, isCentreStaff, isOfficer } from '../../draw-access';
import { drawView, seesIdentities } from '../../draw-view';
import { ExpertNotifications } from '../../infrastructure/expert-notifications';
import { DrawRepository } from '../../infrastructure/draw.repository';
import { ExpertDatabaseRepository } from '../../infrastructure/expert-database.repository';

/**
 * The kick-off meeting (启动会): the group is formed and unsealed; review and assessment learn its members. Each
 * member's service history records the assignment (it feeds the recent-service avoidance rule).
 */
@Injectable()
export class KickOffHandler {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
    private readonly notifications: ExpertNotifications,
    private readonly experts: ExpertDatabaseRepository,
    private readonly draws: DrawRepository,
  ) {}

  kickOff(id: string, p: Principal) {
    return this.dataSource.transaction(async (m) => {
      const d = await this.draws.forUpdate(m, id);
      assertSeesDraw(d, p);
      if (!isCentreStaff(d, p) && !isOfficer(d, p))
        throw new NotAllowed(`only centre staff of ${d.caseJurisdiction} or the discipline officer hold the kick-off`);
      if (d.status !== 'DRAWN') throw new IllegalStep({ message: `the group is ${d.status}; the kick-off follows the draw, once`, status: d.status });
      const pending = d.members.filter((x) => x.state !== 'confirmed').map((x) => x.expertId);
      if (pending.length) {
        // The group is sealed until the kick-off: centre staff hear how many have not confirmed, never who.
        const refusal = {
          code: 'MEMBERS_NOT_CONFIRMED',
          detail: `尚有 ${pending.length} 名专家组成员未确认邀请，确认后方可召开启动会`,
          unconfirmedCount: pending.length,
          groupSize: d.members.length,
        };
        if (!seesIdentities(d, p)) throw new IllegalStep({ ...refusal, message: `${pending.length} of ${d.members.length} members have not confirmed yet` });
        throw new IllegalStep({ ...refusal, message: `members have not confirmed: ${pending.join(', ')}`, unconfirmed: pending });
      }
      const now = this.clock.now();
      d.status = 'FORMED';
      d.formedAt = now;
      await this.draws.save(m, d);
      const record = {
        caseId: d.caseId,
        applicantName: d.applicant.name,
        applicantCreditCode: d.applicant.creditCode,
        servedOn: this.clock.today(),
        groupId: d.groupId,
      };
      await this.experts.recordService(
        m,
        d.members.map((x) => x.expertId),
        record,
      );
      await this.outbox.add(m, Events.groupFormed, {
        caseId: d.caseId,
        jurisdiction: d.caseJurisdiction,
        groupId: d.groupId!,
        drawId: d.id,
        databaseLevel: d.databaseLevel,
        members: d.members.map((x) => ({ expertId: x.expertId, name: x.name, occupationCodes: x.occupationCodes })),
        reserveCount: d.reserves.length,
        commitment: d.commitment!,
        formedAt: now.toISOString(),
      });
      await this.notifications.tell(
        m,
        d,
        d.members.map((x) => x.expertId),
        'group-kicked-off',
        `${d.id}|kick-off`,
        { kickedOffAt: now.toISOString() },
      );
      await this.audit.append(m, {
        caseId: d.caseId,
        jurisdiction: d.caseJurisdiction,
        action: 'kick-off',
        fromStage: 'DRAWN',
        toStage: 'FORMED',
        actor: principalActor(p, isOfficer(d, p) ? 'discipline-officer' : 'center-staff'),
        at: now.toISOString(),
        details: { drawId: d.id, groupId: d.groupId, members: d.members.map((x) => x.expertId) },
      });
      return drawView(d, p);
    });
  }
}
