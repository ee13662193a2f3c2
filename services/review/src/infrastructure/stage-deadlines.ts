import { Injectable } from '@nestjs/common';
import { CASE_STAGES, CaseStage } from '@filing/contracts';
import { WorkingDayCalendar } from '@filing/calendar';
import { chinaDate, Clock } from '@filing/runtime';
import { parseStageLimits, StageDeadline, stageDeadline, StageLimits } from '../cases/domain/stage-time-limits';

/**
 * Time limits per stage (REVIEW_STAGE_LIMITS, JSON of working days per stage) counted on the shared working-day
 * calendar (@filing/calendar, the same one the public notice uses), against the injected clock.
 */
@Injectable()
export class StageDeadlines {
  readonly limits: StageLimits = parseStageLimits(process.env.REVIEW_STAGE_LIMITS, CASE_STAGES);
  private readonly calendar = new WorkingDayCalendar();

  constructor(private readonly clock: Clock) {}

  today(): string {
    return this.clock.today();
  }

  of(stage: CaseStage, enteredAt: Date): StageDeadline {
    return stageDeadline(stage, chinaDate(enteredAt), this.clock.today(), this.limits, this.calendar);
  }
}
