import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { OPINION_KINDS, OpinionKind } from '../../vocabulary/case-stage';
import { JURISDICTION_CODE_PATTERN, OccupationOutcomePart } from '../parts';

export class OpinionItemPart {
  @IsString() @IsNotEmpty() itemId!: string;
  @IsString() @IsNotEmpty() title!: string;
  @IsNumber() @Min(0) maxPoints!: number;
  @IsNumber() @Min(0) score!: number;
}

/** The plenary meeting (综合评审会 / 全体会议) that formed the comprehensive opinion. */
export class PlenaryMeetingPart {
  @Matches(/^\d{4}-\d{2}-\d{2}$/) date!: string;
  @IsOptional() @IsString() @MaxLength(200) place?: string;
  /** Expert ids of the members present. */
  @IsArray() @ArrayMinSize(1) @IsString({ each: true }) attendees!: string[];
}

export class StandardRefPart {
  @IsString() @IsNotEmpty() standardId!: string;
  @IsString() @IsNotEmpty() version!: string;
}

/**
 * The expert group's opinion, submitted by its leader: 初评意见 (preliminary), 技术评估意见 (technical) or
 * 综合技术评估意见 (comprehensive).
 */
export class OpinionSubmitted {
  @IsString() @IsNotEmpty() caseId!: string;
  @Matches(JURISDICTION_CODE_PATTERN) jurisdiction!: string;
  @IsString() @IsNotEmpty() opinionId!: string;
  @IsIn(OPINION_KINDS) kind!: OpinionKind;
  @IsIn(['pass', 'fail']) result!: 'pass' | 'fail';
  @IsString() @MaxLength(8000) summary!: string;
  @IsOptional() @IsNumber() @Min(0) total?: number;
  @IsOptional() @IsNumber() @Min(0) passLine?: number;
  @IsOptional() @ValidateNested() @Type(() => StandardRefPart) standard?: StandardRefPart;
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => OpinionItemPart) items?: OpinionItemPart[];
  /** Veto items (否决项) that were triggered; any one fails the case. */
  @IsOptional() @IsArray() @IsString({ each: true }) vetoes?: string[];
  @IsOptional() @IsArray() @IsString({ each: true }) dissent?: string[];
  @IsOptional() @IsBoolean() vetoed?: boolean;
  /** Comprehensive only (added in v1): the round, +1 each time the provincial re-check sends it back to the group. */
  @IsOptional() @IsInt() @Min(1) round?: number;
  /** Comprehensive only (added in v1): the plenary meeting. */
  @IsOptional() @ValidateNested() @Type(() => PlenaryMeetingPart) meeting?: PlenaryMeetingPart;
  /** Comprehensive only (added in v1): what the score arithmetic gave; `result` differs from it only with `overrideReason`. */
  @IsOptional() @IsIn(['pass', 'fail']) scoreResult?: 'pass' | 'fail';
  @IsOptional() @IsString() @MaxLength(4000) overrideReason?: string;
  /**
   * Comprehensive only (added in v1): the outcome per applied occupation and level. Absent from older producers: then
   * every applied occupation follows `result`.
   */
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => OccupationOutcomePart) occupationOutcomes?: OccupationOutcomePart[];
  @IsString() @IsNotEmpty() leaderExpertId!: string;
  @IsISO8601() submittedAt!: string;
}
