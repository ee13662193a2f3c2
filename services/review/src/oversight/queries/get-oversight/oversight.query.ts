import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '@filing/runtime';
import { ReviewInstanceConfig } from '../../../infrastructure/review.config';
import { StageDeadlines } from '../../../infrastructure/stage-deadlines';
import { OversightRepository } from '../../infrastructure/oversight.repository';
import { OversightView, oversightView } from './oversight.view';

/** Reads the read model and the heartbeats, and counts on the province's working-day calendar (with its overrides). */
@Injectable()
export class OversightQuery {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(ReviewInstanceConfig) private readonly config: ReviewInstanceConfig,
    private readonly oversight: OversightRepository,
    private readonly deadlines: StageDeadlines,
    private readonly clock: Clock,
  ) {}

  async view(): Promise<OversightView> {
    await this.deadlines.refresh();
    const m = this.dataSource.manager;
    const [cases, stays, instances, calendar] = await Promise.all([
      this.oversight.cases(m),
      this.oversight.finishedStays(m),
      this.oversight.instances(m),
      this.deadlines.currentCalendar(),
    ]);
    return oversightView({
      now: this.clock.now(),
      staleAfterMs: this.config.staleAfterMs,
      cityInstances: this.config.cityInstances,
      cases,
      stays,
      instances,
      calendar,
      deadlineOf: (stage, enteredAt) => this.deadlines.of(stage, enteredAt),
      limits: this.deadlines.limits,
    });
  }
}
