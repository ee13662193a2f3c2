import { Type } from 'class-transformer';
import { IsArray, IsBoolean, IsIn, IsISO8601, IsNotEmpty, IsNumber, IsOptional, IsString, Matches, MaxLength, Min, ValidateNested } from 'class-validator';
import { OPINION_KINDS, OpinionKind } from '../../vocabulary/case-stage';
import { JURISDICTION_CODE_PATTERN } from '../parts';

export class OpinionItemPart {
  @IsString() @IsNotEmpty() itemId!: string;
  @IsString() @IsNotEmpty() title!: string;
  @IsNumber() @Min(0) maxPoints!: number;
  @IsNumber() @Min(0) score!: number;
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
  @IsString() @IsNotEmpty() leaderExpertId!: string;
  @IsISO8601() submittedAt!: string;
}
