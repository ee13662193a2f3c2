import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditLog, principalActor } from '@filing/audit';
import { Principal } from '@filing/auth';
import { Clock, IllegalStep, NotAllowed } from '@filing/runtime';
import { DrawRepository } from '../../infrastructure/draw.repository';
import { assertSeesDraw } from '../../draw-access';
import { drawView } from '../../draw-view';
import { ReplaceMemberHandler } from '../replace-member/replace-member.handler';
import { ConflictDeclarationPart } from './confirm-invitation.request';

/**
 * A drawn member answers the invitation with a signed conflict-of-interest declaration (回避声明). Stating no conflict
 * confirms the seat (and with it the confidentiality and independence pledge); declaring one recuses the member and
 * the next reserve takes the seat, in the same transaction. The declaration is kept with who signed it and when.
 */
@Injectable()
export class ConfirmInvitationHandler {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly draws: DrawRepository,
    private readonly replace: ReplaceMemberHandler,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
  ) {}

  confirm(id: string, expertId: string, declaration: ConflictDeclarationPart, p: Principal) {
    return this.dataSource.transaction(async (m) => {
      const d = await this.draws.forUpdate(m, id);
      assertSeesDraw(d, p);
      if (p.expertId !== expertId) throw new NotAllowed('an expert answers only their own invitation');
      const member = d.members.find((x) => x.expertId === expertId);
      if (!member) throw new NotAllowed(`expert ${expertId} is not a member of this group`);
      if (d.status !== 'DRAWN') throw new IllegalStep({ message: `the group is ${d.status}; invitations are answered before the kick-off`, status: d.status });
      // Confirming twice changes nothing (a retried request); a conflict found after confirming still recuses.
      if (member.state === 'confirmed' && !declaration.hasConflict) return { outcome: 'confirmed' as const, draw: drawView(d, p) };
      const now = this.clock.now().toISOString();
      const signed = {
        expertId,
        hasConflict: declaration.hasConflict,
        statement: declaration.statement.trim(),
        signedBy: { subject: p.sub, name: p.name ?? null },
        signedAt: now,
      };
      d.declarations = [...d.declarations, signed];
      await this.audit.append(m, {
        caseId: d.caseId,
        jurisdiction: d.caseJurisdiction,
        action: 'conflict-declared',
        actor: principalActor(p, 'expert'),
        at: now,
        details: { drawId: d.id, groupId: d.groupId, expertId, hasConflict: signed.hasConflict, statement: signed.statement },
      });
      if (signed.hasConflict) {
        // The declared conflict is the reason of the recusal; the reserve's seat is announced like any replacement.
        const seated = await this.replace.replaceWithin(m, d, expertId, 'recused', `回避声明：${signed.statement}`, p, 'expert');
        return { outcome: 'recused' as const, replacementExpertId: seated.expertId, draw: drawView(d, p) };
      }
      member.state = 'confirmed';
      await this.draws.save(m, d);
      await this.audit.append(m, {
        caseId: d.caseId,
        jurisdiction: d.caseJurisdiction,
        action: 'member-confirmed',
        actor: principalActor(p, 'expert'),
        at: now,
        details: { drawId: d.id, groupId: d.groupId, expertId },
      });
      return { outcome: 'confirmed' as const, draw: drawView(d, p) };
    });
  }
}
