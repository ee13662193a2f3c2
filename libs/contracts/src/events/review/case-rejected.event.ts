import { Type } from 'class-transformer';
import { IsDefined, IsISO8601, IsIn, IsNotEmpty, IsObject, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { CASE_STAGES, CaseStage } from '../../vocabulary/case-stage';
import { ActorPart, JURISDICTION_CODE_PATTERN } from '../parts';

/** The case ends without a filing: not accepted (不予受理), failed evaluation, not approved, or objection upheld. */
export class CaseRejected {
  @IsString() @IsNotEmpty() caseId!: string;
  @Matches(JURISDICTION_CODE_PATTERN) jurisdiction!: string;
  @IsIn(CASE_STAGES) atStage!: CaseStage;
  @IsIn(CASE_STAGES) finalStage!: CaseStage;
  @IsString() @IsNotEmpty() @MaxLength(4000) reason!: string;
  @IsDefined() @IsObject() @ValidateNested() @Type(() => ActorPart) decidedBy!: ActorPart;
  @IsISO8601() decidedAt!: string;
}
