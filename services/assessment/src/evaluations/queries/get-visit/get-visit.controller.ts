import { Controller, Get, Header, NotFoundException, Param, ParseUUIDPipe, Res, StreamableFile } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { CurrentPrincipal, Principal } from '@filing/auth';
import { Clock } from '@filing/runtime';
import { requireReader } from '../../evaluation-access';
import { EvaluationRepository } from '../../infrastructure/evaluation.repository';
import { onsiteVisitView } from '../../onsite-visit-view';

/**
 * The on-site visit (plan, sign-in, entries by method with their evidence, items covered) and its evidence files.
 * Before it is scheduled: `{ scheduled: false, today }`.
 */
@ApiTags('on-site evaluation')
@ApiBearerAuth()
@Controller('cases/:caseId/onsite-visit')
export class GetVisitController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly evaluations: EvaluationRepository,
    private readonly clock: Clock,
  ) {}

  @Get()
  async get(@Param('caseId') caseId: string, @CurrentPrincipal() principal: Principal) {
    const manager = this.dataSource.manager;
    const ev = await this.evaluations.findOrNotFound(manager, caseId);
    requireReader(ev, principal);
    const { scope } = await this.evaluations.pinnedStandard(manager, ev);
    const view = await onsiteVisitView(this.evaluations, manager, ev, scope.items);
    // The service's China date: what "the day" of the visit is measured against (sign-in happens on it).
    const today = this.clock.today();
    return view ? { scheduled: true, today, ...view } : { scheduled: false, today };
  }

  @Get('evidence/:evidenceId')
  @Header('cache-control', 'private, no-store')
  async evidence(
    @Param('caseId') caseId: string,
    @Param('evidenceId', new ParseUUIDPipe()) evidenceId: string,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ) {
    const ev = await this.evaluations.findOrNotFound(this.dataSource.manager, caseId);
    requireReader(ev, principal);
    const file = await this.evaluations.evidenceFile(this.dataSource.manager, caseId, evidenceId);
    if (!file) throw new NotFoundException(`evidence ${evidenceId} not found`);
    res.setHeader('x-content-sha256', file.sha256);
    return new StreamableFile(file.content, {
      type: file.contentType,
      length: file.size,
      disposition: `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    });
  }
}
