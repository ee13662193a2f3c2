import { Type } from 'class-transformer';
import { IsDefined, IsISO8601, IsIn, IsNotEmpty, IsObject, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { RECHECK_DECISIONS, RECHECK_GATES, RecheckDecision, RecheckGate } from '../../vocabulary/case-stage';
import { ActorPart, JURISDICTION_CODE_PATTERN } from '../parts';

/** The provincial centre's re-check decision, travelling back to the city's review instance. */
export class RecheckDecided {
  @IsString() @IsNotEmpty() caseId!: string;
  /** The city jurisdiction that owns the case. */
  @Matches(JURISDICTION_CODE_PATTERN) jurisdiction!: string;
  @IsIn(RECHECK_GATES) gate!: RecheckGate;
  /**
   * pass: the opinion stands and the case goes on; fail: the case is returned (preliminary gate) or ends not passed
   * (comprehensive gate; for a failing opinion this confirms it); return-to-group (comprehensive gate only, added in
   * v1, see docs/adr/0022): the expert group reconsiders and submits a new comprehensive opinion.
   */
  @IsIn(RECHECK_DECISIONS) decision!: RecheckDecision;
  @IsString() @MaxLength(4000) reason!: string;
  @IsDefined() @IsObject() @ValidateNested() @Type(() => ActorPart) decidedBy!: ActorPart;
  @IsISO8601() decidedAt!: string;
}
