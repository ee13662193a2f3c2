import { Type } from 'class-transformer';
import { IsArray, IsDefined, IsISO8601, IsIn, IsNotEmpty, IsObject, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { ActorPart, JURISDICTION_CODE_PATTERN, OCCUPATION_CODE_PATTERN } from '../parts';

/** The centre settled an objection: upheld (the case fails, or some occupations are struck out) or dismissed. */
export class ObjectionResolved {
  @IsString() @IsNotEmpty() caseId!: string;
  @Matches(JURISDICTION_CODE_PATTERN) jurisdiction!: string;
  @IsString() @IsNotEmpty() noticeId!: string;
  @IsString() @IsNotEmpty() objectionId!: string;
  /** The objection's receipt number (回执编号), which the objector and the applicant know it by. */
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(100) receiptNumber?: string;
  @IsIn(['upheld', 'dismissed']) outcome!: 'upheld' | 'dismissed';
  /** When upheld for some occupations only: the codes struck out. Empty when upheld for the whole case. */
  @IsArray() @Matches(OCCUPATION_CODE_PATTERN, { each: true }) struckOccupationCodes!: string[];
  @IsString() @IsNotEmpty() @MaxLength(4000) reason!: string;
  @IsDefined() @IsObject() @ValidateNested() @Type(() => ActorPart) resolvedBy!: ActorPart;
  @IsISO8601() resolvedAt!: string;
}
