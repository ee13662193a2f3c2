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
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { APPLICATION_KINDS, ApplicationKind, INSTITUTION_KINDS, InstitutionKind } from '../../vocabulary/institution';
import { ActorPart, CREDIT_CODE_PATTERN, JURISDICTION_CODE_PATTERN, OccupationPart } from '../parts';

export class DrawApplicantPart {
  @IsString() @IsNotEmpty() name!: string;
  @Matches(CREDIT_CODE_PATTERN) creditCode!: string;
  @IsIn(INSTITUTION_KINDS) kind!: InstitutionKind;
}

/**
 * The centre's technical evaluation work plan (技术评估工作方案) and expert requirements (专家需求): the
 * discipline inspection committee (机关纪委) of `databaseLevel` draws the group from its expert database.
 */
export class ExpertGroupRequested {
  @IsString() @IsNotEmpty() caseId!: string;
  @Matches(JURISDICTION_CODE_PATTERN) jurisdiction!: string;
  /** Whose expert database the group is drawn from (the case's level, or the province when the city keeps none). */
  @Matches(JURISDICTION_CODE_PATTERN) databaseLevel!: string;
  @IsIn(APPLICATION_KINDS) applicationKind!: ApplicationKind;
  @IsDefined() @IsObject() @ValidateNested() @Type(() => DrawApplicantPart) applicant!: DrawApplicantPart;
  @IsArray() @ArrayMinSize(1) @ValidateNested({ each: true }) @Type(() => OccupationPart) occupations!: OccupationPart[];
  /** Odd, at least 3 (an odd group cannot tie). */
  @IsIn([3, 5, 7, 9, 11, 13, 15]) groupSize!: number;
  @IsInt() @Min(0) @Max(10) reserves!: number;
  @IsOptional() @IsInt() @Min(1) maxPerEmployer?: number;
  @IsString() @MaxLength(4000) workPlan!: string;
  @IsOptional() @IsISO8601({ strict: true }) plannedOnsiteDate?: string;
  @IsDefined() @IsObject() @ValidateNested() @Type(() => ActorPart) requestedBy!: ActorPart;
  @IsISO8601() requestedAt!: string;
}
