import { ConflictException, Controller, ForbiddenException, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { AuditLog, principalActor } from '@filing/audit';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { Clock } from '@filing/runtime';
import { Draw } from '../../infrastructure/draw.entity';
import { assertSeesDraw, drawForUpdate } from '../../draw-access';
import { drawView } from '../../draw-view';

/** A drawn member accepts the invitation (and with it the confidentiality and independence pledge). */
@ApiTags('draws')
@ApiBearerAuth()
@Controller('draws')
export class ConfirmInvitationController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
  ) {}

  @Post(':id/members/:expertId/confirm')
  @HttpCode(200)
  @Roles('expert')
  confirm(@Param('id', new ParseUUIDPipe()) id: string, @Param('expertId') expertId: string, @CurrentPrincipal() p: Principal) {
    return this.dataSource.transaction(async (m) => {
      const d = await drawForUpdate(m, id);
      assertSeesDraw(d, p);
      if (p.expertId !== expertId) throw new ForbiddenException('an expert answers only their own invitation');
      const member = d.members.find((x) => x.expertId === expertId);
      if (!member) throw new ForbiddenException(`expert ${expertId} is not a member of this group`);
      if (d.status !== 'DRAWN')
        throw new ConflictException({ message: `the group is ${d.status}; invitations are answered before the kick-off`, status: d.status });
      member.state = 'confirmed';
      await m.save(Draw, d);
      await this.audit.append(m, {
        caseId: d.caseId,
        jurisdiction: d.caseJurisdiction,
        action: 'member-confirmed',
        actor: principalActor(p, 'expert'),
        at: this.clock.now().toISOString(),
        details: { drawId: d.id, groupId: d.groupId, expertId },
      });
      return drawView(d, p);
    });
  }
}
