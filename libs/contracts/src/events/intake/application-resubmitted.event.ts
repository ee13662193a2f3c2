import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, MaxLength, Min, ValidateNested } from 'class-validator';
import { MaterialPart, OccupationPart } from '../parts';

/** The applicant resubmitted after its materials were returned (材料退回). Materials carry new versions. */
export class ApplicationResubmitted {
  @IsString() @IsNotEmpty() caseId!: string;
  /** 1 for the first resubmission, 2 for the second, ... */
  @IsInt() @Min(1) round!: number;
  @IsArray() @ValidateNested({ each: true }) @Type(() => MaterialPart) materials!: MaterialPart[];
  @IsOptional() @IsArray() @ArrayMinSize(1) @ValidateNested({ each: true }) @Type(() => OccupationPart) occupations?: OccupationPart[];
  @IsOptional() @IsString() @MaxLength(2000) note?: string;
  @IsISO8601() resubmittedAt!: string;
}
