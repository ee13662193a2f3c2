import { Controller, Get, NotFoundException, Param } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { ScoreSheet } from '../../domain/score-sheet.entity';
import { EvaluationStore } from '../../evaluation-store';

/** Submitted sheets are visible to the group and the centre; a draft only to its own member. */
@ApiTags('on-site evaluation')
@ApiBearerAuth()
@Controller('cases/:caseId/score-sheets')
export class GetScoreSheetsController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: EvaluationStore,
  ) {}

  @Get()
  async submitted(@Param('caseId') caseId: string, @CurrentPrincipal() principal: Principal) {
    const ev = await this.store.findOrNotFound(this.dataSource.manager, caseId);
    this.store.requireReader(ev, principal);
    return this.dataSource.getRepository(ScoreSheet).find({ where: { caseId, status: 'submitted' }, order: { submittedAt: 'ASC' } });
  }

  @Get('mine')
  @Roles('expert')
  async mine(@Param('caseId') caseId: string, @CurrentPrincipal() principal: Principal) {
    const ev = await this.store.findOrNotFound(this.dataSource.manager, caseId);
    const member = this.store.requireMember(ev, principal);
    const sheet = await this.dataSource.getRepository(ScoreSheet).findOneBy({ caseId, expertId: member.expertId });
    if (!sheet) throw new NotFoundException(`expert ${member.expertId} has no score sheet for case ${caseId} yet`);
    return sheet;
  }
}
