import { Controller, Get, NotFoundException, Param } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { requireMember, requireReader } from '../../evaluation-access';
import { EvaluationRepository } from '../../infrastructure/evaluation.repository';

/** Submitted sheets are visible to the group and the centre; a draft only to its own member. */
@ApiTags('on-site evaluation')
@ApiBearerAuth()
@Controller('cases/:caseId/score-sheets')
export class GetScoreSheetsController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly evaluations: EvaluationRepository,
  ) {}

  @Get()
  async submitted(@Param('caseId') caseId: string, @CurrentPrincipal() principal: Principal) {
    const ev = await this.evaluations.findOrNotFound(this.dataSource.manager, caseId);
    requireReader(ev, principal);
    return this.evaluations.submittedSheets(this.dataSource.manager, caseId);
  }

  @Get('mine')
  @Roles('expert')
  async mine(@Param('caseId') caseId: string, @CurrentPrincipal() principal: Principal) {
    const ev = await this.evaluations.findOrNotFound(this.dataSource.manager, caseId);
    const member = requireMember(ev, principal);
    const sheet = await this.evaluations.sheetOf(this.dataSource.manager, caseId, member.expertId);
    if (!sheet) throw new NotFoundException(`expert ${member.expertId} has no score sheet for case ${caseId} yet`);
    return sheet;
  }
}
