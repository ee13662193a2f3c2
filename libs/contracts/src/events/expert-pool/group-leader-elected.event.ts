import { IsInt, IsISO8601, IsNotEmpty, IsString, Matches, Min } from 'class-validator';
import { JURISDICTION_CODE_PATTERN } from '../parts';

/** At the kick-off meeting the group elects its leader (组长). */
export class GroupLeaderElected {
  @IsString() @IsNotEmpty() caseId!: string;
  @Matches(JURISDICTION_CODE_PATTERN) jurisdiction!: string;
  @IsString() @IsNotEmpty() groupId!: string;
  @IsString() @IsNotEmpty() leaderExpertId!: string;
  @IsInt() @Min(1) votes!: number;
  @IsInt() @Min(1) voters!: number;
  @IsISO8601() electedAt!: string;
}
