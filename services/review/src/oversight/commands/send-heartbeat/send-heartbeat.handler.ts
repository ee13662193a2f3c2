import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CASE_STAGES, Events, InstanceHeartbeat } from '@filing/contracts';
import { OutboxWriter } from '@filing/messaging';
import { Clock } from '@filing/runtime';
import { FINAL_STAGES } from '../../../cases/domain/case-lifecycle';
import { ReviewInstanceConfig } from '../../../infrastructure/review.config';
import { StageDeadlines } from '../../../infrastructure/stage-deadlines';
import { OversightRepository } from '../../infrastructure/oversight.repository';

const DAY_MS = 24 * 3600 * 1000;

/**
 * Counts this instance's open cases per stage and those past their time limit, and sends the count as its heartbeat
 * through the outbox (so a heartbeat leaves only when the instance and its database are up and its relay runs).
 */
@Injectable()
export class SendHeartbeatHandler {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(ReviewInstanceConfig) private readonly config: ReviewInstanceConfig,
    private readonly oversight: OversightRepository,
    private readonly deadlines: StageDeadlines,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  async execute(): Promise<InstanceHeartbeat> {
    await this.deadlines.refresh();
    return this.dataSource.transaction(async (manager) => {
      const open = CASE_STAGES.filter((s) => !FINAL_STAGES.includes(s));
      const cases = await this.oversight.heldCases(manager, { stages: open });
      const byStage = new Map<string, { cases: number; overdue: number }>();
      for (const c of cases) {
        const n = byStage.get(c.stage) ?? { cases: 0, overdue: 0 };
        n.cases += 1;
        if (this.deadlines.of(c.stage, c.stageEnteredAt).overdue) n.overdue += 1;
        byStage.set(c.stage, n);
      }
      const heartbeat: InstanceHeartbeat = {
        jurisdiction: this.config.jurisdiction,
        asOf: this.clock.now().toISOString(),
        openCases: cases.length,
        overdueCases: [...byStage.values()].reduce((sum, n) => sum + n.overdue, 0),
        byStage: open.filter((s) => byStage.has(s)).map((stage) => ({ stage, ...byStage.get(stage)! })),
      };
      await this.outbox.add(manager, Events.instanceHeartbeat, heartbeat);
      await this.oversight.pruneSentHeartbeats(manager, Events.instanceHeartbeat.topic, new Date(Date.now() - DAY_MS));
      return heartbeat;
    });
  }
}
