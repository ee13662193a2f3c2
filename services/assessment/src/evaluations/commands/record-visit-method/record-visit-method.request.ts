import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, Min, ValidateNested } from 'class-validator';
import { SPOT_CHECK_RESULTS, SpotCheckResult } from '../../domain/onsite-visit';
import { ONSITE_METHODS, OnsiteMethod } from '../../domain/score-sheet';

/** A page of one version of one of the case's materials (ids as the group's materials view shows them). */
export class MaterialPointerRequest {
  @ApiProperty({ description: "intake's material id" }) @IsString() @IsNotEmpty() @MaxLength(100) materialId!: string;
  @ApiProperty({ example: 1 }) @IsInt() @Min(1) version!: number;
  @ApiPropertyOptional({ example: 3 }) @IsOptional() @IsInt() @Min(1) page?: number;
}

export class IntervieweeRequest {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(100) name!: string;
  @ApiProperty({ example: '考评员' }) @IsString() @IsNotEmpty() @MaxLength(100) role!: string;
}

export class QuestionRequest {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(2000) question!: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(4000) answer!: string;
}

export class SpotCheckRequest {
  @ApiProperty({ example: '题库抽查 20 题' }) @IsString() @IsNotEmpty() @MaxLength(500) subject!: string;
  @ApiProperty({ enum: SPOT_CHECK_RESULTS }) @IsIn(SPOT_CHECK_RESULTS) result!: SpotCheckResult;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

/** One entry of the visit record by one method; the method decides which details are required. */
export class RecordVisitMethodRequest {
  @ApiProperty({ enum: ONSITE_METHODS }) @IsIn(ONSITE_METHODS) method!: OnsiteMethod;
  @ApiProperty({ description: '记录：what was heard, seen or found' }) @IsString() @MaxLength(8000) notes!: string;
  @ApiProperty({ type: [String], description: 'items or sub-items of the pinned standard the entry supports' })
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  itemIds!: string[];
  @ApiPropertyOptional({ description: '听取汇报: who gave the report' }) @IsOptional() @IsString() @MaxLength(200) reporter?: string;
  @ApiPropertyOptional({ type: [String], description: '现场查看: the sites inspected' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  sites?: string[];
  @ApiPropertyOptional({ type: [IntervieweeRequest], description: '访谈咨询' })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => IntervieweeRequest)
  interviewees?: IntervieweeRequest[];
  @ApiPropertyOptional({ type: [QuestionRequest], description: '质询答疑' })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => QuestionRequest)
  questions?: QuestionRequest[];
  @ApiPropertyOptional({ type: [SpotCheckRequest], description: '技术抽查' })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => SpotCheckRequest)
  checks?: SpotCheckRequest[];
  @ApiPropertyOptional({ type: [MaterialPointerRequest] })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => MaterialPointerRequest)
  materials?: MaterialPointerRequest[];
}
