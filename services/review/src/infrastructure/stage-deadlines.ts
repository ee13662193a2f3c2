import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CaseStage } from '@filing/contracts';
import { watchCalendarCoverage, WorkingDayCalendar } from '@filing/calendar';
import { chinaDate, Clock, HealthRegistry } from '@filing/runtime';
import { StageDeadline, stageDeadline, StageLimits } from '../cases/domain/stage-time-limits';
import { CalendarOverrideRepository } from '../calendar/infrastructure/calendar-override.repository';
import { ReviewInstanceConfig } from './review.config';

/**
 * Time limits per stage (REVIEW_STAGE_LIMITS, JSON of working days per stage) counted on the shared working-day
 * calendar (@filing/calendar, the same one the public notice uses) plus the overrides an administrator loaded at
 * publication (review's copy, from publication.calendar.overrides-loaded.v1), against the injected clock.
 */
@Injectable()
export class StageDeadlines {
  readonly limits: StageLimits;
  private calendar = new WorkingDayCalendar();
  // Stateless: one instance here, so every module that provides StageDeadlines need not provide it too.
  private readonly overrides = new CalendarOverrideRepository();

  constructor(
    @Inject(ReviewInstanceConfig) config: ReviewInstanceConfig,
    private readonly clock: Clock,
    @InjectDataSource() private readonly dataSource: DataSource,
    health: HealthRegistry,
  ) {
    this.limits = config.stageLimits;
    // Stage deadlines count on this calendar too: warn before its data ends.
    watchCalendarCoverage(health, clock, () => this.currentCalendar());
  }

  /**
   * Re-reads the loaded overrides; call before `of()`. Read per request rather than cached so a year loaded at
   * publication counts at once on every replica (the table holds at most a few hundred days).
   */
  async refresh(): Promise<this> {
    this.calendar = await this.currentCalendar();
    return this;
  }

  /** The shared calendar plus the overrides loaded so far. */
  async currentCalendar(): Promise<WorkingDayCalendar> {
    return new WorkingDayCalendar(await this.overrides.overrides(this.dataSource.manager));
  }

  today(): string {
    return this.clock.today();
  }

  of(stage: CaseStage, enteredAt: Date): StageDeadline {
    return stageDeadline(stage, chinaDate(enteredAt), this.clock.today(), this.limits, this.calendar);
  }
}
