import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CASE_STAGES, CaseStage } from '@filing/contracts';
import { CalendarOverride, WorkingDayCalendar } from '@filing/calendar';
import { chinaDate, Clock } from '@filing/runtime';
import { parseStageLimits, StageDeadline, stageDeadline, StageLimits } from '../cases/domain/stage-time-limits';
import { reviewInstance } from './review-instance.config';

/**
 * Time limits per stage (REVIEW_STAGE_LIMITS, JSON of working days per stage) counted on the shared working-day
 * calendar (@filing/calendar, the same one the public notice uses) plus the overrides an administrator loaded at
 * publication (review's copy, from publication.calendar.overrides-loaded.v1), against the injected clock.
 */
@Injectable()
export class StageDeadlines {
  readonly limits: StageLimits = parseStageLimits(process.env.REVIEW_STAGE_LIMITS, CASE_STAGES);
  private calendar = new WorkingDayCalendar();

  constructor(
    private readonly clock: Clock,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /**
   * Re-reads the loaded overrides; call before `of()`. Read per request rather than cached so a year loaded at
   * publication counts at once on every replica (the table holds at most a few hundred days).
   */
  async refresh(): Promise<this> {
    const overrides: CalendarOverride[] = await this.dataSource.query(
      `SELECT to_char(date, 'YYYY-MM-DD') AS date, kind FROM ${reviewInstance.schema}.calendar_override ORDER BY date`,
    );
    this.calendar = new WorkingDayCalendar(overrides);
    return this;
  }

  today(): string {
    return this.clock.today();
  }

  of(stage: CaseStage, enteredAt: Date): StageDeadline {
    return stageDeadline(stage, chinaDate(enteredAt), this.clock.today(), this.limits, this.calendar);
  }
}
