import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CASE_STAGES } from '@filing/contracts';
import { Clock } from '@filing/runtime';
import { FINAL_STAGES } from '../../domain/case-lifecycle';
import { overdueQueueAt } from '../../domain/queues';
import { OverdueNoticeRepository } from '../../infrastructure/overdue-notice.repository';
import { StageDeadlines } from '../../../infrastructure/stage-deadlines';
import { StaffNotifications } from '../../../infrastructure/staff-notifications';

/**
 * 督办: tells the queue of each case past its stage's time limit, once per case, stage and stay in that stage. The
 * notice is claimed (overdue_notice) and requested through the outbox in one transaction per case, so a pass that
 * fails half-way, the next pass, a restart or a second replica tells nobody twice.
 */
@Injectable()
export class NotifyOverdueHandler {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notices: OverdueNoticeRepository,
    private readonly deadlines: StageDeadlines,
    private readonly staff: StaffNotifications,
    private readonly clock: Clock,
  ) {}

  /** One pass; returns the ids of the cases told now. */
  async execute(): Promise<string[]> {
    await this.deadlines.refresh();
    const stages = CASE_STAGES.filter((s) => !FINAL_STAGES.includes(s) && this.deadlines.limits[s]);
    const cases = await this.notices.inStages(this.dataSource.manager, stages);
    const told: string[] = [];
    for (const c of cases) {
      const deadline = this.deadlines.of(c.stage, c.stageEnteredAt);
      if (!deadline.overdue || !deadline.dueDate) continue;
      const now = this.clock.now();
      const claimed = await this.dataSource.transaction(async (m) => {
        if (!(await this.notices.claim(m, { caseId: c.id, stage: c.stage, stageEnteredAt: c.stageEnteredAt, dueDate: deadline.dueDate!, at: now })))
          return false;
        await this.staff.tell(m, {
          caseId: c.id,
          jurisdiction: c.jurisdiction,
          kind: 'case-overdue',
          role: overdueQueueAt(c.stage),
          queueOf: c.jurisdiction,
          params: { institution: c.institution.name, stage: c.stage, dueDate: deadline.dueDate!, limitWorkingDays: String(deadline.limitWorkingDays) },
          link: `/cases/${c.id}`,
          because: `${c.id}|overdue|${c.stage}|${c.stageEnteredAt.toISOString()}`,
          at: now.toISOString(),
        });
        return true;
      });
      if (claimed) told.push(c.id);
    }
    return told;
  }
}
