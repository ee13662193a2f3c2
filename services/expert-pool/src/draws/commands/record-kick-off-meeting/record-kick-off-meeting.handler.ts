import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditLog, principalActor } from '@filing/audit';
import { Principal } from '@filing/auth';
import { chinaDate, Clock, IllegalStep, InvalidCommand, NotAllowed, RuleRefusal } from '@filing/runtime';
import { hasQuorum } from '../../domain/leader-election';
import { DrawRepository } from '../../infrastructure/draw.repository';
import { assertSeesDraw, isCentreStaff, isOfficer } from '../../draw-access';
import { drawView } from '../../draw-view';
import { RecordKickOffMeetingRequest } from './record-kick-off-meeting.request';

/**
 * Records the kick-off meeting (启动会, procedure §二(三)1) of a formed group: the day and place, the members present
 * and absent, the requirements and the standard version agreed (明确要求、统一标准). The election opens among those
 * present (ADR 0020). Recorded again before a leader is elected (a reconvened meeting), it replaces the record and
 * the election starts over in a new round.
 */
@Injectable()
export class RecordKickOffMeetingHandler {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly draws: DrawRepository,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
  ) {}

  record(id: string, body: RecordKickOffMeetingRequest, p: Principal) {
    return this.dataSource.transaction(async (m) => {
      const d = await this.draws.forUpdate(m, id);
      assertSeesDraw(d, p);
      const officer = isOfficer(d, p);
      if (!isCentreStaff(d, p) && !officer) throw new NotAllowed(`只有 ${d.caseJurisdiction} 的鉴定中心工作人员或机关纪委可以记录启动会`);
      if (d.status !== 'FORMED') throw new IllegalStep({ message: `专家组当前状态为 ${d.status}：启动会在组建专家组之后、推选组长之前记录`, status: d.status });
      const memberIds = d.members.map((x) => x.expertId);
      const present = [...new Set(body.presentExpertIds)];
      const strangers = present.filter((x) => !memberIds.includes(x));
      if (strangers.length)
        throw new InvalidCommand({ message: `出席成员不属于本专家组：${strangers.join('、')}`, field: 'presentExpertIds', notMembers: strangers });
      if (!hasQuorum(present.length, memberIds.length))
        throw new RuleRefusal({
          message: `出席成员 ${present.length} 人，未超过专家组成员 ${memberIds.length} 人的半数，不能推选组长；请另行召开启动会`,
          code: 'NO_QUORUM',
          presentCount: present.length,
          memberCount: memberIds.length,
        });
      const today = this.clock.today();
      const formedOn = chinaDate(d.formedAt!);
      if (body.heldOn > today) throw new InvalidCommand({ message: `启动会日期 ${body.heldOn} 晚于今天（${today}）`, field: 'heldOn' });
      if (body.heldOn < formedOn) throw new InvalidCommand({ message: `启动会日期 ${body.heldOn} 早于专家组组建日期（${formedOn}）`, field: 'heldOn' });
      const now = this.clock.now().toISOString();
      const role = officer ? 'discipline-officer' : 'center-staff';
      const previous = d.kickOffMeeting;
      d.kickOffMeeting = {
        heldOn: body.heldOn,
        place: body.place.trim(),
        presentExpertIds: memberIds.filter((x) => present.includes(x)),
        absentExpertIds: memberIds.filter((x) => !present.includes(x)),
        requirements: body.requirements.trim(),
        standardVersion: body.standardVersion.trim(),
        recordedBy: { subject: p.sub, role },
        recordedAt: now,
      };
      // A new record opens a fresh round: votes of an earlier record stay on file in their own rounds.
      if (previous || d.votes.some((v) => v.round === d.electionRound)) d.electionRound += 1;
      d.election = { stage: 'open', candidates: [...d.kickOffMeeting.presentExpertIds].sort() };
      await this.draws.save(m, d);
      await this.audit.append(m, {
        caseId: d.caseId,
        jurisdiction: d.caseJurisdiction,
        action: previous ? 'kick-off-meeting-re-recorded' : 'kick-off-meeting-recorded',
        actor: principalActor(p, role),
        at: now,
        details: { drawId: d.id, groupId: d.groupId, ...d.kickOffMeeting, round: d.electionRound },
      });
      return drawView(d, p);
    });
  }
}
