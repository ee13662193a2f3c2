import { Type } from 'class-transformer';
import { IsDefined, IsISO8601, IsIn, IsNotEmpty, IsObject, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { CASE_STAGES, CaseStage } from '../../vocabulary/case-stage';
import { ActorPart, JURISDICTION_CODE_PATTERN } from '../parts';

/** Every transition of a case: the applicant's timeline and the audit trail are built from it. */
export class CaseStageChanged {
  @IsString() @IsNotEmpty() caseId!: string;
  @Matches(JURISDICTION_CODE_PATTERN) jurisdiction!: string;
  /** The institution's name, for the province's oversight lists (省级监管); absent in events written before it. */
  @IsOptional() @IsString() @MaxLength(200) institutionName?: string;
  @IsOptional() @IsIn(CASE_STAGES) from?: CaseStage;
  @IsIn(CASE_STAGES) to!: CaseStage;
  /** The step taken, e.g. `accept`, `recheck-pass`, `approve`. */
  @IsString() @IsNotEmpty() action!: string;
  @IsDefined() @IsObject() @ValidateNested() @Type(() => ActorPart) actor!: ActorPart;
  @IsOptional() @IsString() @MaxLength(4000) reason?: string;
  @IsISO8601() at!: string;
}
