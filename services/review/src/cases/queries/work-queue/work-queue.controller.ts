import { Controller, Get } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { CASE_STAGES, PROVINCE_CODE } from '@filing/contracts';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { reviewInstance } from '../../../infrastructure/review.config';
import { StageDeadlines } from '../../../infrastructure/stage-deadlines';
import { FINAL_STAGES, TRANSITIONS } from '../../domain/case-lifecycle';
import { ReviewCase } from '../../infrastructure/case.entity';
import { CaseRepository } from '../../infrastructure/case.repository';
import { RecheckRequestRepository } from '../../../rechecks/infrastructure/recheck-request.repository';
import { recheckView } from '../../../rechecks/queries/list-rechecks/recheck.view';
import { caseView } from '../get-case/case.view';

/**
 * What is waiting for me (待办), per role and jurisdiction, with overdue flags (督办): centre staff see the cases of their
 * jurisdiction they must act on (and, at the province, the re-check queue) plus the rest of their open cases to
 * supervise; approvers see the cases awaiting approval (审定); applicants their own cases. A case held up outside
 * review says why (`waitingFor`, e.g. a notice waiting for a year of the working-day calendar).
 */
@ApiTags('queue')
@ApiBearerAuth()
@Controller('queue')
export class WorkQueueController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly deadlines: StageDeadlines,
    private readonly cases: CaseRepository,
    private readonly rechecks: RecheckRequestRepository,
  ) {}

  @Get()
  @Roles('center-staff', 'approver', 'applicant')
  @ApiOkResponse({ description: '`waiting`: cases I can act on; `supervising`: my open cases waiting on others; `rechecks`: the province re-check queue.' })
  async queue(@CurrentPrincipal() p: Principal) {
    await this.deadlines.refresh();
    const open = CASE_STAGES.filter((s) => !FINAL_STAGES.includes(s));
    const view = (c: ReviewCase) => caseView(c, p, this.deadlines.of(c.stage, c.stageEnteredAt));
    const byOverdueThenAge = (a: ReturnType<typeof view>, b: ReturnType<typeof view>) =>
      Number(b.deadline.overdue) - Number(a.deadline.overdue) || a.stageEnteredAt.getTime() - b.stageEnteredAt.getTime();

    const result: Record<string, unknown> = { jurisdiction: p.jurisdiction, roles: p.roles, today: this.deadlines.today() };
    const staffRoles = p.roles.filter((r) => r === 'center-staff' || r === 'approver');
    if (staffRoles.length) {
      const cases = await this.cases.inStages(this.dataSource.manager, p.jurisdiction, open);
      const mine = new Set(TRANSITIONS.filter((t) => t.by !== 'event' && staffRoles.includes(t.by as 'center-staff' | 'approver')).map((t) => t.from));
      const views = cases.map(view);
      result.waiting = views.filter((v) => mine.has(v.stage)).sort(byOverdueThenAge);
      // Centre staff supervise every open case of their jurisdiction; approvers only what waits for them.
      result.supervising = p.roles.includes('center-staff') ? views.filter((v) => !mine.has(v.stage)).sort(byOverdueThenAge) : [];
    }
    if (p.roles.includes('center-staff') && p.jurisdiction === PROVINCE_CODE && reviewInstance.isProvince) {
      const rows = await this.rechecks.list(this.dataSource.manager, 'pending');
      result.rechecks = rows.map((r) => recheckView(r, this.deadlines));
    }
    if (p.roles.includes('applicant') && p.creditCode) {
      result.ownCases = (await this.cases.ofApplicant(this.dataSource.manager, p.creditCode)).map(view);
    }
    const overdue = [
      ...((result.waiting as { deadline: { overdue: boolean } }[]) ?? []),
      ...((result.rechecks as { deadline?: { overdue: boolean } }[]) ?? []),
    ].filter((v) => v.deadline?.overdue).length;
    // Cases held up outside review (a notice waiting for a year of the calendar), so nobody takes them for forgotten.
    const views = [
      ...((result.waiting as ReturnType<typeof view>[]) ?? []),
      ...((result.supervising as ReturnType<typeof view>[]) ?? []),
      ...((result.ownCases as ReturnType<typeof view>[]) ?? []),
    ];
    const awaitingCalendar = new Set(views.filter((v) => v.waitingFor?.kind === 'calendar').map((v) => v.id)).size;
    return { ...result, overdueCount: overdue, awaitingCalendarCount: awaitingCalendar };
  }
}
