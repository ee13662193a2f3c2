import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsEmail,
  IsISO8601,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { APPLICATION_KINDS, ApplicationKind, INSTITUTION_KINDS, InstitutionKind } from '../../vocabulary/institution';
import { CREDIT_CODE_PATTERN, JURISDICTION_CODE_PATTERN, OccupationPart } from '../parts';

export class FiledContactPart {
  @IsString() @IsNotEmpty() person!: string;
  @IsString() @Matches(/^[0-9+\-() ]{5,30}$/) phone!: string;
  @IsOptional() @IsEmail() email?: string;
  @IsString() @IsNotEmpty() address!: string;
}

export class FiledInstitutionPart {
  @IsString() @IsNotEmpty() @MaxLength(200) name!: string;
  @Matches(CREDIT_CODE_PATTERN) creditCode!: string;
  @IsIn(INSTITUTION_KINDS) kind!: InstitutionKind;
  /** Always 220000 (吉林省). */
  @IsIn(['220000']) province!: string;
  /** The jurisdiction that filed it (220000 or a city-level code). */
  @Matches(JURISDICTION_CODE_PATTERN) jurisdiction!: string;
  @IsString() @IsNotEmpty() jurisdictionName!: string;
  /** 用人单位 certify their own employees; 社评组织 certify the public. */
  @IsIn(['own-employees', 'public']) scope!: 'own-employees' | 'public';
  @IsDefined() @IsObject() @ValidateNested() @Type(() => FiledContactPart) contact!: FiledContactPart;
}

/**
 * NATIONAL CONTRACT. The provincial HRSS department issued a filing notice (备案通知); the provincial centre reports
 * it to the national platform (国家技能人才评价工作网). `filingId` equals the CloudEvents `ce_id` and never changes,
 * so a replay carries the same id and a consumer that dedupes on it sees no duplicate.
 */
export class FilingIssued {
  @IsUUID() filingId!: string;
  /** Gapless sequence of the national feed; replay can start from any sequence number. */
  @IsInt() @Min(1) sequence!: number;
  @IsString() @IsNotEmpty() caseId!: string;
  @IsIn(APPLICATION_KINDS) applicationKind!: ApplicationKind;
  /** 备案通知文号, e.g. 吉人社备〔2026〕12号. */
  @IsString() @IsNotEmpty() noticeNumber!: string;
  @Matches(/^\d{4}-\d{2}-\d{2}$/) noticeDate!: string;
  /**
   * 备案编号: the institution's filing number, assigned at its first filing and kept by add-occupation filings.
   * Its national format is unknown, so publication makes it from a configurable template. Optional (added in v1).
   */
  @IsOptional() @IsString() @MaxLength(100) filingNumber?: string;
  /** 吉林省人力资源和社会保障厅 */
  @IsString() @IsNotEmpty() issuingAuthority!: string;
  @IsDefined() @IsObject() @ValidateNested() @Type(() => FiledInstitutionPart) institution!: FiledInstitutionPart;
  /** For add-occupation: only the newly filed occupations. */
  @IsArray() @ArrayMinSize(1) @ValidateNested({ each: true }) @Type(() => OccupationPart) occupations!: OccupationPart[];
  @IsIn(['valid', 'suspended', 'withdrawn']) status!: 'valid' | 'suspended' | 'withdrawn';
  @IsISO8601() issuedAt!: string;
}
