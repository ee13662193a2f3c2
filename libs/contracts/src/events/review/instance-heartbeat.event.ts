import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsISO8601, Matches, Min, ValidateNested } from 'class-validator';
import { CASE_STAGES, CaseStage } from '../../vocabulary/case-stage';
import { JURISDICTION_CODE_PATTERN } from '../parts';

/** The open cases of one stage at an instance, and how many of them are past their time limit (督办). */
export class StageCountPart {
  @IsIn(CASE_STAGES) stage!: CaseStage;
  @IsInt() @Min(0) cases!: number;
  @IsInt() @Min(0) overdue!: number;
}

/**
 * A review instance says it is alive and what it holds, at a fixed interval, through its outbox: the province's
 * oversight (省级监管) shows each city's last-heard time and marks it stale when the heartbeats stop, so a city that is
 * down reads as "not heard from", never as "no cases". Not a case event: keyed by the instance's jurisdiction.
 */
export class InstanceHeartbeat {
  /** The jurisdiction the instance serves (`220000` for the province instance). */
  @Matches(JURISDICTION_CODE_PATTERN) jurisdiction!: string;
  /** When the instance counted (its clock). */
  @IsISO8601() asOf!: string;
  @IsInt() @Min(0) openCases!: number;
  @IsInt() @Min(0) overdueCases!: number;
  /** Open cases per stage; stages without cases are left out. */
  @IsArray() @ArrayMaxSize(CASE_STAGES.length) @ValidateNested({ each: true }) @Type(() => StageCountPart) byStage!: StageCountPart[];
}
