import { Type } from 'class-transformer';
import {
  IsArray,
  IsDefined,
  IsISO8601,
  IsIn,
  IsNotEmpty,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { APPLICATION_KINDS, ApplicationKind } from '../../vocabulary/institution';
import { RECHECK_GATES, RecheckGate } from '../../vocabulary/case-stage';
import { ActorPart, InstitutionPart, JURISDICTION_CODE_PATTERN, OccupationOutcomePart, OccupationPart } from '../parts';

export class RecheckOpinionPart {
  @IsIn(['pass', 'fail']) result!: 'pass' | 'fail';
  @IsString() @MaxLength(8000) summary!: string;
  @IsOptional() @IsNumber() @Min(0) total?: number;
  @IsOptional() @IsString() opinionId?: string;
  /** Comprehensive gate (added in v1): the group's outcome per occupation. */
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => OccupationOutcomePart) occupationOutcomes?: OccupationOutcomePart[];
  /** Comprehensive gate (added in v1): why the group's result differs from the score arithmetic. */
  @IsOptional() @IsString() @MaxLength(4000) overrideReason?: string;
}

/**
 * A city case asks the provincial centre to re-check (复核) an opinion: the preliminary opinion (初评意见) or
 * the comprehensive opinion (综合技术评估意见). It carries what the province needs, since it keeps no copy.
 */
export class RecheckRequested {
  @IsString() @IsNotEmpty() caseId!: string;
  /** The city jurisdiction that owns the case. */
  @Matches(JURISDICTION_CODE_PATTERN) jurisdiction!: string;
  @IsIn(RECHECK_GATES) gate!: RecheckGate;
  @IsIn(APPLICATION_KINDS) applicationKind!: ApplicationKind;
  @IsDefined() @IsObject() @ValidateNested() @Type(() => InstitutionPart) institution!: InstitutionPart;
  @IsArray() @ValidateNested({ each: true }) @Type(() => OccupationPart) occupations!: OccupationPart[];
  @IsDefined() @IsObject() @ValidateNested() @Type(() => RecheckOpinionPart) opinion!: RecheckOpinionPart;
  @IsDefined() @IsObject() @ValidateNested() @Type(() => ActorPart) requestedBy!: ActorPart;
  @IsISO8601() requestedAt!: string;
}
