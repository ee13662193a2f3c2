import { Type } from 'class-transformer';
import { IsArray, IsIn, IsISO8601, IsNotEmpty, IsString, Matches, ValidateNested } from 'class-validator';
import { JURISDICTION_CODE_PATTERN, OccupationPart } from '../parts';

/**
 * The notice window ended and every objection is settled. `no-objection` and `objections-dismissed` go on to the
 * filing notice; `occupations-struck` goes on with the remaining occupations; `objection-upheld` means not passed.
 */
export class NoticeClosed {
  @IsString() @IsNotEmpty() caseId!: string;
  @Matches(JURISDICTION_CODE_PATTERN) jurisdiction!: string;
  @IsString() @IsNotEmpty() noticeId!: string;
  @IsIn(['no-objection', 'objections-dismissed', 'occupations-struck', 'objection-upheld'])
  outcome!: 'no-objection' | 'objections-dismissed' | 'occupations-struck' | 'objection-upheld';
  @IsArray() @ValidateNested({ each: true }) @Type(() => OccupationPart) remainingOccupations!: OccupationPart[];
  @IsISO8601() closedAt!: string;
}
