import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsISO8601,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsString,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { CASE_STAGES, CaseStage } from '../../vocabulary/case-stage';
import { ActorPart, JURISDICTION_CODE_PATTERN } from '../parts';

/** Materials returned (材料退回) with reasons; the applicant may resubmit. */
export class CaseReturned {
  @IsString() @IsNotEmpty() caseId!: string;
  @Matches(JURISDICTION_CODE_PATTERN) jurisdiction!: string;
  /** Stage at which the return was decided. */
  @IsIn(CASE_STAGES) atStage!: CaseStage;
  @IsArray() @ArrayMinSize(1) @IsString({ each: true }) @MaxLength(2000, { each: true }) reasons!: string[];
  /** How many times this case has been returned, this one included. */
  @IsInt() @Min(1) returnCount!: number;
  @IsDefined() @IsObject() @ValidateNested() @Type(() => ActorPart) returnedBy!: ActorPart;
  @IsISO8601() returnedAt!: string;
}
