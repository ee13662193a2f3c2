import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsArray,
  IsDefined,
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
import { INSTITUTION_KINDS, InstitutionKind } from '../../vocabulary/institution';
import { CREDIT_CODE_PATTERN, JURISDICTION_CODE_PATTERN, OccupationPart } from '../parts';

export const REGISTER_STATUSES = ['valid', 'suspended', 'withdrawn', 'cancelled'] as const;
/** valid = 有效; suspended = 暂停; withdrawn = 撤销 (revoked by the authority); cancelled = 注销 (ended, e.g. at the institution's request). */
export type RegisterStatus = (typeof REGISTER_STATUSES)[number];

export const REGISTER_ACTIONS = ['change-details', 'suspend', 'reinstate', 'withdraw', 'cancel'] as const;
/** 变更, 暂停, 恢复, 撤销, 注销 */
export type RegisterAction = (typeof REGISTER_ACTIONS)[number];

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class RegisteredInstitutionPart {
  @IsString() @IsNotEmpty() @MaxLength(200) name!: string;
  @Matches(CREDIT_CODE_PATTERN) creditCode!: string;
  @IsIn(INSTITUTION_KINDS) kind!: InstitutionKind;
  @IsIn(['220000']) province!: string;
  @Matches(JURISDICTION_CODE_PATTERN) jurisdiction!: string;
  @IsString() @IsNotEmpty() jurisdictionName!: string;
  @IsOptional() @IsString() @MaxLength(300) address?: string;
}

export class SuspensionPeriodPart {
  @Matches(DATE) from!: string;
  /** Last day of the suspension; absent = until reinstated. */
  @IsOptional() @Matches(DATE) until?: string;
}

export class RegisterDecidedByPart {
  /** The deciding authority, e.g. 吉林省人力资源和社会保障厅 or 长春市人力资源和社会保障局. */
  @IsString() @IsNotEmpty() authority!: string;
  @Matches(JURISDICTION_CODE_PATTERN) jurisdiction!: string;
}

/**
 * NATIONAL CONTRACT. A filed institution's register entry changed after filing: details changed (变更), suspended
 * (暂停, with reason and period), reinstated (恢复), withdrawn (撤销) or cancelled (注销). On the same national feed as
 * `publication.filing.issued.v1`: `sequence` continues that feed's gapless sequence, and `changeId` equals the
 * CloudEvents `ce_id` and never changes, so a replay carries the same id. `institution` and `occupations` are the
 * entry as it stands after the change; `status` is its status now.
 */
export class FilingStatusChanged {
  @IsUUID() changeId!: string;
  @IsInt() @Min(1) sequence!: number;
  @IsIn(REGISTER_ACTIONS) action!: RegisterAction;
  @IsIn(REGISTER_STATUSES) status!: RegisterStatus;
  @IsIn(REGISTER_STATUSES) previousStatus!: RegisterStatus;
  /** 备案编号 of the entry, when it has one. */
  @IsOptional() @IsString() @MaxLength(100) filingNumber?: string;
  @IsString() @IsNotEmpty() @MaxLength(2000) reason!: string;
  /** The decision's reference (文号 or meeting), when given. */
  @IsOptional() @IsString() @MaxLength(200) decisionReference?: string;
  @IsOptional() @IsObject() @ValidateNested() @Type(() => SuspensionPeriodPart) suspension?: SuspensionPeriodPart;
  /** For change-details: the fields changed, each with its value before. */
  @IsOptional() @IsObject() previousDetails?: Record<string, string>;
  @IsDefined() @IsObject() @ValidateNested() @Type(() => RegisteredInstitutionPart) institution!: RegisteredInstitutionPart;
  @IsArray() @ArrayMinSize(1) @ValidateNested({ each: true }) @Type(() => OccupationPart) occupations!: OccupationPart[];
  @IsDefined() @IsObject() @ValidateNested() @Type(() => RegisterDecidedByPart) decidedBy!: RegisterDecidedByPart;
  @IsISO8601() decidedAt!: string;
}

/**
 * An administrator loaded an institution filed before the platform (历史备案) into the register. Not a national
 * event (the national platform already has it): intake learns from it that the institution is filed, so it may
 * apply to add occupations.
 */
export class RegisterEntryImported {
  @IsUUID() importId!: string;
  @IsDefined() @IsObject() @ValidateNested() @Type(() => RegisteredInstitutionPart) institution!: RegisteredInstitutionPart;
  @IsString() @IsNotEmpty() @MaxLength(100) noticeNumber!: string;
  @Matches(DATE) noticeDate!: string;
  @IsOptional() @IsString() @MaxLength(100) filingNumber?: string;
  @IsArray() @ArrayMinSize(1) @ValidateNested({ each: true }) @Type(() => OccupationPart) occupations!: OccupationPart[];
  @IsISO8601() importedAt!: string;
}
