import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsBoolean, IsDefined, IsISO8601, IsInt, IsNotEmpty, IsObject, IsString, Matches, Min, ValidateNested } from 'class-validator';
import { InstitutionPart, JURISDICTION_CODE_PATTERN, OccupationPart } from '../parts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A public notice (公示) opened for an approved institution, with explicit first and last days. */
export class NoticeOpened {
  @IsString() @IsNotEmpty() caseId!: string;
  @Matches(JURISDICTION_CODE_PATTERN) jurisdiction!: string;
  @IsString() @IsNotEmpty() noticeId!: string;
  @Matches(DATE) startDate!: string;
  @Matches(DATE) endDate!: string;
  @IsInt() @Min(1) workingDays!: number;
  @IsBoolean() publicationDayCounts!: boolean;
  @IsDefined() @IsObject() @ValidateNested() @Type(() => InstitutionPart) institution!: InstitutionPart;
  @IsArray() @ArrayMinSize(1) @ValidateNested({ each: true }) @Type(() => OccupationPart) occupations!: OccupationPart[];
  @IsISO8601() openedAt!: string;
}
