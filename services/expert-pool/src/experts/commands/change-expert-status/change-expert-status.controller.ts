import { Body, ConflictException, Controller, HttpCode, NotFoundException, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { Clock } from '@filing/runtime';
import { Expert, ExpertStatus } from '../../infrastructure/expert.entity';
import { assertManagesDatabase } from '../../expert-access';
import { expertView } from '../../expert-view';
import { ChangeExpertStatusRequest } from './change-expert-status.request';

/** Which status each command leads to, and from which statuses. Removal (除名) is final. */
const TRANSITIONS: Record<'suspend' | 'reinstate' | 'remove', { to: ExpertStatus; from: ExpertStatus[] }> = {
  suspend: { to: 'suspended', from: ['active'] },
  reinstate: { to: 'active', from: ['suspended'] },
  remove: { to: 'removed', from: ['active', 'suspended'] },
};

/** Suspend (暂停), reinstate or remove (除名) an expert; only active experts are ever drawn. */
@ApiTags('experts')
@ApiBearerAuth()
@Controller('experts')
export class ChangeExpertStatusController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  @Post(':id/suspend')
  @HttpCode(200)
  @Roles('center-staff')
  suspend(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: ChangeExpertStatusRequest, @CurrentPrincipal() p: Principal) {
    return this.change(id, 'suspend', body.reason, p);
  }

  @Post(':id/reinstate')
  @HttpCode(200)
  @Roles('center-staff')
  reinstate(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: ChangeExpertStatusRequest, @CurrentPrincipal() p: Principal) {
    return this.change(id, 'reinstate', body.reason, p);
  }

  @Post(':id/remove')
  @HttpCode(200)
  @Roles('center-staff')
  remove(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: ChangeExpertStatusRequest, @CurrentPrincipal() p: Principal) {
    return this.change(id, 'remove', body.reason, p);
  }

  private change(id: string, command: keyof typeof TRANSITIONS, reason: string, p: Principal) {
    return this.dataSource.transaction(async (m) => {
      const expert = await m.findOne(Expert, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!expert) throw new NotFoundException(`expert ${id} not found`);
      assertManagesDatabase(p, expert.level);
      const t = TRANSITIONS[command];
      if (!t.from.includes(expert.status)) {
        throw new ConflictException({ message: `cannot ${command} an expert who is ${expert.status}`, status: expert.status, allowedFrom: t.from });
      }
      expert.status = t.to;
      expert.statusReason = reason;
      expert.updatedAt = this.clock.now();
      await m.save(expert);
      return expertView(expert, p);
    });
  }
}
