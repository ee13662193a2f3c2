import { Type } from 'class-transformer';
import { IsDefined, IsISO8601, IsIn, IsNotEmpty, IsObject, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { RECHECK_GATES, RecheckGate } from '../../vocabulary/case-stage';
import { ActorPart, JURISDICTION_CODE_PATTERN } from '../parts';

/** The provincial centre's re-check decision, travelling back to the city's review instance. */
export class RecheckDecided {
  @IsString() @IsNotEmpty() caseId!: string;
  /** The city jurisdiction that owns the case. */
  @Matches(JURISDICTION_CODE_PATTERN) jurisdiction!: string;
  @IsIn(RECHECK_GATES) gate!: RecheckGate;
  @IsIn(['pass', 'fail']) decision!: 'pass' | 'fail';
  @IsString() @MaxLength(4000) reason!: string;
  @IsDefined() @IsObject() @ValidateNested() @Type(() => ActorPart) decidedBy!: ActorPart;
  @IsISO8601() decidedAt!: string;
}
