import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsDefined,
  IsEmail,
  IsISO8601,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Validate,
  ValidateNested,
  ValidationArguments,
  ValidatorConstraint,
  ValidatorConstraintInterface,
} from 'class-validator';
import { CREDIT_CODE_PATTERN, JURISDICTION_CODES, OCCUPATION_CODE_PATTERN, SKILL_LEVELS } from '@filing/contracts';
import { idNumberProblem } from '../../domain/id-number';

@ValidatorConstraint({ name: 'idNumber' })
class IdNumberRule implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && idNumberProblem(value) === undefined;
  }
  defaultMessage(args: ValidationArguments): string {
    return `${args.property} ${typeof args.value === 'string' ? idNumberProblem(args.value) : 'must be a string'}`;
  }
}

const DATE = { strict: true, strictSeparator: true };

export class OrganisationRequest {
  @ApiProperty({ example: '吉林大学' }) @IsString() @IsNotEmpty() @MaxLength(200) name!: string;
  @ApiPropertyOptional({ description: '统一社会信用代码' })
  @IsOptional()
  @Matches(CREDIT_CODE_PATTERN, { message: 'creditCode must be a 统一社会信用代码' })
  creditCode?: string;
}

export class FormerEmployerRequest extends OrganisationRequest {
  @ApiPropertyOptional() @IsOptional() @IsISO8601(DATE) from?: string;
  @ApiProperty({ description: 'last day there (YYYY-MM-DD)' }) @IsISO8601(DATE) to!: string;
}

export class DeclaredConflictRequest extends OrganisationRequest {
  @ApiProperty({ example: 'shares', description: 'the interest: shares (持股), advice, training, helped write the application…' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  nature!: string;
  @ApiPropertyOptional() @IsOptional() @IsISO8601(DATE) from?: string;
  @ApiPropertyOptional({ description: 'open when still current' }) @IsOptional() @IsISO8601(DATE) to?: string;
}

export class RelativeEmployerRequest extends OrganisationRequest {
  @ApiPropertyOptional({ example: 'spouse' }) @IsOptional() @IsString() @MaxLength(50) relation?: string;
}

export class ServiceRecordRequest {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(100) caseId!: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(200) applicantName!: string;
  @ApiPropertyOptional() @IsOptional() @Matches(CREDIT_CODE_PATTERN) applicantCreditCode?: string;
  @ApiProperty() @IsISO8601(DATE) servedOn!: string;
}

export class ContactRequest {
  @ApiProperty({ example: '13904310000' }) @IsString() @Matches(/^[0-9+\-() ]{5,30}$/, { message: 'contact.phone must be a phone number' }) phone!: string;
  @ApiPropertyOptional() @IsOptional() @IsEmail() email?: string;
}

/** An expert's record (docs/domain.md §3): what centre staff enter, and what each imported row must hold. */
export class CreateExpertRequest {
  @ApiProperty({ example: '王建国' }) @IsString() @IsNotEmpty() @MaxLength(50) name!: string;
  @ApiPropertyOptional({ enum: ['male', 'female'] }) @IsOptional() @IsIn(['male', 'female']) gender?: 'male' | 'female';
  @ApiProperty({ description: '居民身份证号 (18 characters, checked); masked in responses except to the discipline officer' })
  @Validate(IdNumberRule)
  idNumber!: string;
  @ApiProperty() @IsDefined() @IsObject() @ValidateNested() @Type(() => OrganisationRequest) employer!: OrganisationRequest;
  @ApiPropertyOptional({ description: '职称, e.g. 高级工程师 (a title or a skill level is required)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  title?: string;
  @ApiPropertyOptional({ enum: SKILL_LEVELS, description: '职业技能等级, 1 = 一级/高级技师' }) @IsOptional() @IsIn(SKILL_LEVELS) skillLevel?: number;
  @ApiProperty({ example: ['6-18-01-01'], description: 'occupations of expertise (职业分类大典 codes)' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ArrayUnique()
  @Matches(OCCUPATION_CODE_PATTERN, { each: true, message: 'occupationCodes must be 职业分类大典 codes like 6-18-01-01' })
  occupationCodes!: string[];
  @ApiProperty({ example: '220100', description: '市州 of residence or work' })
  @IsIn(JURISDICTION_CODES, { message: 'region must be a known jurisdiction code' })
  region!: string;
  @ApiProperty() @IsDefined() @IsObject() @ValidateNested() @Type(() => ContactRequest) contact!: ContactRequest;
  @ApiProperty({ example: '2026-01-01' }) @IsISO8601(DATE) termStart!: string;
  @ApiPropertyOptional({ example: '2028-12-31' }) @IsOptional() @IsISO8601(DATE) termEnd?: string;
  @ApiPropertyOptional({ type: [FormerEmployerRequest] })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => FormerEmployerRequest)
  formerEmployers?: FormerEmployerRequest[];
  @ApiPropertyOptional({ type: [DeclaredConflictRequest] })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => DeclaredConflictRequest)
  declaredConflicts?: DeclaredConflictRequest[];
  @ApiPropertyOptional({ type: [RelativeEmployerRequest] })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => RelativeEmployerRequest)
  relativesEmployers?: RelativeEmployerRequest[];
  @ApiPropertyOptional({ type: [ServiceRecordRequest], description: 'past assignments (recorded automatically for groups formed here)' })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ServiceRecordRequest)
  serviceHistory?: ServiceRecordRequest[];
}

/** Rules across fields that decorators cannot state. */
export function crossFieldProblems(e: Partial<CreateExpertRequest>): string[] {
  const problems: string[] = [];
  if (e.title === undefined && e.skillLevel === undefined) problems.push('title or skillLevel: one of them is required');
  if (e.termStart && e.termEnd && e.termEnd < e.termStart) problems.push(`termEnd ${e.termEnd} is before termStart ${e.termStart}`);
  for (const f of e.formerEmployers ?? []) if (f.from && f.from > f.to) problems.push(`formerEmployers: ${f.name} from ${f.from} is after to ${f.to}`);
  return problems;
}
