// Value objects shared by several event payloads.
import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsDefined,
  IsEmail,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { INSTITUTION_KINDS, InstitutionKind, STANDARD_BASES, StandardBasis } from '../vocabulary/institution';
import { ROLES, Role } from '../vocabulary/case-stage';

/** 统一社会信用代码: 18 characters of the GB 32100-2015 alphabet (the check digit is verified at intake). */
export const CREDIT_CODE_PATTERN = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;
export const JURISDICTION_CODE_PATTERN = /^\d{6}$/;
/** 职业分类大典 (2022) occupation code, e.g. 6-18-01-01 or 4-07-05-02. */
export const OCCUPATION_CODE_PATTERN = /^\d-\d{2}-\d{2}-\d{2}(-\d{2})?$/;

export class ContactPart {
  @IsString() @IsNotEmpty() @MaxLength(100) person!: string;
  @IsString() @Matches(/^[0-9+\-() ]{5,30}$/) phone!: string;
  @IsOptional() @IsEmail() email?: string;
}

export class InstitutionPart {
  @IsString() @IsNotEmpty() @MaxLength(200) name!: string;
  @Matches(CREDIT_CODE_PATTERN) creditCode!: string;
  @IsIn(INSTITUTION_KINDS) kind!: InstitutionKind;
  @IsString() @IsNotEmpty() @MaxLength(100) legalRepresentative!: string;
  @IsString() @IsNotEmpty() @MaxLength(300) address!: string;
  @IsDefined() @IsObject() @ValidateNested() @Type(() => ContactPart) contact!: ContactPart;
}

/** One occupation (职业/工种) applied for, with its levels and basis. */
export class OccupationPart {
  @Matches(OCCUPATION_CODE_PATTERN) code!: string;
  @IsString() @IsNotEmpty() @MaxLength(100) name!: string;
  /** 工种, when the occupation is split into work types. */
  @IsOptional() @IsString() @MaxLength(100) workType?: string;
  @IsArray() @ArrayMinSize(1) @ArrayUnique() @IsInt({ each: true }) @Min(1, { each: true }) @Max(5, { each: true }) levels!: number[];
  @IsIn(STANDARD_BASES) basis!: StandardBasis;
}

export class MaterialPart {
  @IsString() @IsNotEmpty() materialId!: string;
  /** Checklist item the file answers (docs/domain.md §2), e.g. `application-report`. */
  @IsString() @IsNotEmpty() checklistItem!: string;
  @IsString() @IsNotEmpty() @MaxLength(255) fileName!: string;
  @IsString() @IsNotEmpty() contentType!: string;
  @IsInt() @Min(1) size!: number;
  @Matches(/^[0-9a-f]{64}$/) sha256!: string;
  @IsInt() @Min(1) version!: number;
}

/** Who did something: the subject of their token, their role and jurisdiction. */
export class ActorPart {
  @IsString() @IsNotEmpty() subject!: string;
  @IsIn(ROLES) role!: Role;
  @Matches(JURISDICTION_CODE_PATTERN) jurisdiction!: string;
  @IsOptional() @IsString() @MaxLength(100) name?: string;
}

/**
 * The comprehensive opinion's outcome for one applied occupation (职业/工种): passed at `levels` (a subset of the
 * levels applied for, e.g. 车工 levels 5–3 of 5–2), or not passed (`levels` empty), with the group's reason.
 */
export class OccupationOutcomePart {
  @Matches(OCCUPATION_CODE_PATTERN) code!: string;
  @IsString() @IsNotEmpty() @MaxLength(100) name!: string;
  @IsOptional() @IsString() @MaxLength(100) workType?: string;
  @IsIn(['pass', 'fail']) result!: 'pass' | 'fail';
  /** The levels applied for. */
  @IsArray() @ArrayMinSize(1) @ArrayUnique() @IsInt({ each: true }) @Min(1, { each: true }) @Max(5, { each: true }) appliedLevels!: number[];
  /** The levels that passed; empty when the occupation did not pass. */
  @IsArray() @ArrayUnique() @IsInt({ each: true }) @Min(1, { each: true }) @Max(5, { each: true }) levels!: number[];
  /** Why it did not pass, or passed at fewer levels than applied for. */
  @IsOptional() @IsString() @MaxLength(2000) reason?: string;
}
