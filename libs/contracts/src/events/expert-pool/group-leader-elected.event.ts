import { IsIn, IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, Matches, Min } from 'class-validator';
import { JURISDICTION_CODE_PATTERN } from '../parts';

/**
 * At the kick-off meeting the group elects its leader (组长) by majority of the members present (ADR 0020). `votes` are
 * the leader's votes in the deciding round, `voters` the members present who voted or abstained; `method`, `round`,
 * `presentCount`, `memberCount` and `abstentions` say how (absent from events published before the kick-off meeting
 * was recorded).
 */
export class GroupLeaderElected {
  @IsString() @IsNotEmpty() caseId!: string;
  @Matches(JURISDICTION_CODE_PATTERN) jurisdiction!: string;
  @IsString() @IsNotEmpty() groupId!: string;
  @IsString() @IsNotEmpty() leaderExpertId!: string;
  /** 0 only for a centre decision after a runoff in which everyone abstained. */
  @IsInt() @Min(0) votes!: number;
  @IsInt() @Min(1) voters!: number;
  /** majority (round 1), runoff (most votes among the leaders of round 1), or centre-decision (a tied runoff). */
  @IsOptional() @IsIn(['majority', 'runoff', 'centre-decision']) method?: 'majority' | 'runoff' | 'centre-decision';
  @IsOptional() @IsInt() @Min(1) round?: number;
  @IsOptional() @IsInt() @Min(1) presentCount?: number;
  @IsOptional() @IsInt() @Min(1) memberCount?: number;
  @IsOptional() @IsInt() @Min(0) abstentions?: number;
  @IsISO8601() electedAt!: string;
}
