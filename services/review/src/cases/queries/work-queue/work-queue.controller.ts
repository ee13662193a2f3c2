import { Controller, Get } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DataSource, In } from 'typeorm';
import { CASE_STAGES, PROVINCE_CODE } from '@filing/contracts';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { reviewInstance } from '../../../infrastructure/review-instance.config';
import { StageDeadlines } from '../../../infrastructure/stage-deadlines';
import { FINAL_STAGES, TRANSITIONS } from '../../domain/case-lifecycle';
import { ReviewCase } from '../../domain/case.entity';
import { RecheckRequestRow } from '../../../rechecks/domain/recheck-request';
import { recheckView } from '../../../rechecks/queries/list-rechecks/recheck.view';
import { caseView } from '../get-case/case.view';

/**
 * What is waiting for me (待办), per role and jurisdiction, with overdue flags (督办): centre staff see the cases of their
 * jurisdiction they must act on (and, at the province, the re-check queue) plus the rest of their open cases to
 * supervise; approvers see the cases awaiting approval (审定); applicants their own cases.
 */
@ApiTags('queue')
@ApiBearerAuth()
@Controller('queue')
export class WorkQueueController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly deadlines: StageDeadlines,
  ) {}

  @Get()
  @Roles('center-staff', 'approver', 'applicant')
  @ApiOkResponse({ description: '`waiting`: cases I can act on; `supervising`: my open cases waiting on others; `rechecks`: the province re-check queue.' })
  async queue(@CurrentPrincipal() p: Principal) {
    await this.deadlines.refresh();
    const repo = this.dataSource.getRepository(ReviewCase);
    const open = CASE_STAGES.filter((s) => !FINAL_STAGES.includes(s));
    const view = (c: ReviewCase) => caseView(c, p, this.deadlines.of(c.stage, c.stageEnteredAt));
    const byOverdueThenAge = (a: ReturnType<typeof view>, b: ReturnType<typeof view>) =>
      Number(b.deadline.overdue) - Number(a.deadline.overdue) || a.stageEnteredAt.getTime() - b.stageEnteredAt.getTime();

    const result: Record<string, unknown> = { jurisdiction: p.jurisdiction, roles: p.roles, today: this.deadlines.today() };
    const staffRoles = p.roles.filter((r) => r === 'center-staff' || r === 'approver');
    if (staffRoles.length) {
      const cases = await repo.find({ where: { jurisdiction: p.jurisdiction, stage: In(open) }, order: { stageEnteredAt: 'ASC' } });
      const mine = new Set(TRANSITIONS.filter((t) => t.by !== 'event' && staffRoles.includes(t.by as 'center-staff' | 'approver')).map((t) => t.from));
      const views = cases.map(view);
      result.waiting = views.filter((v) => mine.has(v.stage)).sort(byOverdueThenAge);
      // Centre staff supervise every open case of their jurisdiction; approvers only what waits for them.
      result.supervising = p.roles.includes('center-staff') ? views.filter((v) => !mine.has(v.stage)).sort(byOverdueThenAge) : [];
    }
    if (p.roles.includes('center-staff') && p.jurisdiction === PROVINCE_CODE && reviewInstance.isProvince) {
      const rows: RecheckRequestRow[] = await this.dataSource.query(
        `SELECT * FROM ${reviewInstance.schema}.recheck_request WHERE status = 'pending' ORDER BY received_at, id`,
      );
      result.rechecks = rows.map((r) => recheckView(r, this.deadlines));
    }
    if (p.roles.includes('applicant') && p.creditCode) {
      result.ownCases = (await this.ownCases(p.creditCode)).map(view);
    }
    const overdue = [...((result.waiting as { deadline: { overdue: boolean } }[]) ?? []), ...((result.rechecks as { deadline?: { overdue: boolean } }[]) ?? [])].filter(
      (v) => v.deadline?.overdue,
    ).length;
    return { ...result, overdueCount: overdue };
  }

  private async ownCases(creditCode: string): Promise<ReviewCase[]> {
    return this.dataSource
      .getRepository(ReviewCase)
      .createQueryBuilder('c')
      .where(`c.institution->>'creditCode' = :creditCode`, { creditCode })
      .orderBy('c.submitted_at', 'ASC')
      .getMany();
  }
}
