import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsDefined, IsISO8601, IsIn, IsNotEmpty, IsObject, IsOptional, IsString, Matches, ValidateNested } from 'class-validator';
import { APPLICATION_KINDS, ApplicationKind } from '../../vocabulary/institution';
import { InstitutionPart, JURISDICTION_CODE_PATTERN, MaterialPart, OccupationPart } from '../parts';

/** An institution submitted an application (机构申报) at its jurisdiction by affiliation (按隶属关系). */
export class ApplicationSubmitted {
  /** The application id; also the case id everywhere downstream. */
  @IsString() @IsNotEmpty() caseId!: string;
  @IsIn(APPLICATION_KINDS) applicationKind!: ApplicationKind;
  /** 220000 for the province (incl. 中省直 units) or a city-level jurisdiction. */
  @Matches(JURISDICTION_CODE_PATTERN) jurisdiction!: string;
  @IsDefined() @IsObject() @ValidateNested() @Type(() => InstitutionPart) institution!: InstitutionPart;
  @IsArray() @ArrayMinSize(1) @ValidateNested({ each: true }) @Type(() => OccupationPart) occupations!: OccupationPart[];
  @IsArray() @ValidateNested({ each: true }) @Type(() => MaterialPart) materials!: MaterialPart[];
  /** For add-occupation: the filing notice number of the institution's existing filing. */
  @IsOptional() @IsString() existingFilingNumber?: string;
  @IsISO8601() submittedAt!: string;
}
