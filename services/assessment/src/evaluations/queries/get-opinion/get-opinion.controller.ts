import { BadRequestException, Controller, Get, Header, NotFoundException, Param } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { OPINION_KINDS, OpinionKind } from '@filing/contracts';
import { CurrentPrincipal, Principal } from '@filing/auth';
import { OpinionDocument } from '../../domain/opinion-document';
import { requireReader } from '../../evaluation-access';
import { EvaluationRepository } from '../../infrastructure/evaluation.repository';
import { renderOpinionPage } from './opinion-page';

/** Each opinion as JSON and as a printable Chinese page laid out like the paper form. The latest round by default. */
@ApiTags('opinions')
@ApiBearerAuth()
@Controller('cases/:caseId/opinions')
export class GetOpinionController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly evaluations: EvaluationRepository,
  ) {}

  // Declared before ':kind' so express tries it first.
  @Get(':kind.html')
  @Header('content-type', 'text/html; charset=utf-8')
  @ApiProduces('text/html')
  async html(@Param('caseId') caseId: string, @Param('kind') kind: string, @CurrentPrincipal() principal: Principal) {
    return renderOpinionPage(await this.latest(caseId, kind, principal));
  }

  @Get()
  async list(@Param('caseId') caseId: string, @CurrentPrincipal() principal: Principal) {
    const ev = await this.evaluations.findOrNotFound(this.dataSource.manager, caseId);
    requireReader(ev, principal);
    const rows = await this.evaluations.opinions(this.dataSource.manager, caseId);
    return rows.map((r) => r.document);
  }

  @Get(':kind')
  async json(@Param('caseId') caseId: string, @Param('kind') kind: string, @CurrentPrincipal() principal: Principal) {
    return this.latest(caseId, kind, principal);
  }

  private async latest(caseId: string, kind: string, principal: Principal): Promise<OpinionDocument> {
    if (!(OPINION_KINDS as readonly string[]).includes(kind)) throw new BadRequestException(`opinion kind must be one of ${OPINION_KINDS.join(', ')}`);
    const ev = await this.evaluations.findOrNotFound(this.dataSource.manager, caseId);
    requireReader(ev, principal);
    const found = await this.evaluations.latestOpinion(this.dataSource.manager, caseId, kind as OpinionKind);
    if (!found) throw new NotFoundException(`case ${caseId} has no ${kind} opinion yet`);
    return found.document as unknown as OpinionDocument;
  }
}
