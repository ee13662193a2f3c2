import { Type } from 'class-transformer';
import {
  ArrayMinSize,
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
import { ActorPart, InstitutionPart, JURISDICTION_CODE_PATTERN, OccupationOutcomePart, OccupationPart } from '../parts';

/**
 * The result is approved (审定): by the local HRSS bureau for a city case, by the 厅长办公会 (director's office
 * meeting) for a province case. Publication opens the public notice (公示) on it.
 */
export class CaseApproved {
  @IsString() @IsNotEmpty() caseId!: string;
  @Matches(JURISDICTION_CODE_PATTERN) jurisdiction!: string;
  @IsIn(APPLICATION_KINDS) applicationKind!: ApplicationKind;
  @IsIn(['local-hrss-bureau', 'director-office-meeting']) approvalBody!: 'local-hrss-bureau' | 'director-office-meeting';
  /** Meeting reference (会议纪要/议题编号) for a 厅长办公会 approval. */
  @IsOptional() @IsString() @MaxLength(200) meetingReference?: string;
  @IsDefined() @IsObject() @ValidateNested() @Type(() => InstitutionPart) institution!: InstitutionPart;
  /** The occupations approved: those the comprehensive opinion passed, at the levels it passed them. */
  @IsArray() @ArrayMinSize(1) @ValidateNested({ each: true }) @Type(() => OccupationPart) occupations!: OccupationPart[];
  /** Added in v1: the comprehensive opinion's outcome for every applied occupation, passed or not. */
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => OccupationOutcomePart) occupationOutcomes?: OccupationOutcomePart[];
  /** Comprehensive opinion total, when one was scored. */
  @IsOptional() @IsNumber() @Min(0) score?: number;
  @IsOptional() @IsString() existingFilingNumber?: string;
  @IsDefined() @IsObject() @ValidateNested() @Type(() => ActorPart) approvedBy!: ActorPart;
  @IsISO8601() approvedAt!: string;
}
