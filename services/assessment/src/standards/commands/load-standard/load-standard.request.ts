import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsBoolean, IsIn, IsNotEmpty, IsNumber, IsOptional, IsString, Matches, MaxLength, Min, ValidateNested } from 'class-validator';
import { INSTITUTION_KINDS } from '@filing/contracts';
import { ASSESSMENT_METHODS, AssessmentMethod } from '../../domain/standard';

export class StandardSubItemRequest {
  @ApiProperty({ example: '4.1' }) @IsString() @IsNotEmpty() @MaxLength(20) id!: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(200) title!: string;
  @ApiProperty() @IsNumber() @Min(0) maxPoints!: number;
  @ApiProperty({ enum: ASSESSMENT_METHODS, description: 'materials = 材料审核, onsite = 现场技术评估' }) @IsIn(ASSESSMENT_METHODS) method!: AssessmentMethod;
  @ApiProperty({ description: '评分办法' }) @IsString() @MaxLength(2000) guidance!: string;
  @ApiProperty({ description: '佐证材料' }) @IsString() @MaxLength(2000) evidence!: string;
}

export class StandardItemRequest {
  @ApiProperty({ example: '4' }) @IsString() @IsNotEmpty() @MaxLength(20) id!: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(200) title!: string;
  @ApiProperty() @IsNumber() @Min(0) maxPoints!: number;
  @ApiProperty({ description: 'scored in add-occupation cases (增加认定职业)' }) @IsBoolean() occupationRelated!: boolean;
  @ApiProperty({ type: [StandardSubItemRequest] })
  @IsArray()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => StandardSubItemRequest)
  subItems!: StandardSubItemRequest[];
}

export class StandardVetoRequest {
  @ApiProperty({ example: 'V1' }) @IsString() @IsNotEmpty() @MaxLength(20) id!: string;
  @ApiProperty({ example: '提供虚假材料或弄虚作假' }) @IsString() @IsNotEmpty() @MaxLength(200) title!: string;
}

/** A new version of a technical evaluation standard (附件1 企业 / 附件2 社评组织). */
export class LoadStandardRequest {
  @ApiProperty({ example: 'jl-attachment-1-employer' }) @Matches(/^[a-z0-9][a-z0-9-]{1,80}$/) standardId!: string;
  @ApiProperty({ example: '2' }) @Matches(/^[A-Za-z0-9][A-Za-z0-9.\-]{0,30}$/) version!: string;
  @ApiProperty({ enum: INSTITUTION_KINDS }) @IsIn(INSTITUTION_KINDS) institutionKind!: 'employer' | 'social-org';
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(200) title!: string;
  @ApiProperty({ example: '2026-01-01', description: 'China calendar date from which the version is in force' }) @IsString() effectiveFrom!: string;
  @ApiPropertyOptional({ description: 'true when the version stands in for an official text not yet available' })
  @IsOptional()
  @IsBoolean()
  provisional?: boolean;
  @ApiPropertyOptional({ description: 'where the content comes from, e.g. the official document number' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  provenance?: string;
  @ApiProperty({ example: 100 }) @IsNumber() total!: number;
  @ApiProperty({ example: 70 }) @IsNumber() passLine!: number;
  @ApiProperty({ type: [StandardItemRequest] }) @IsArray() @ValidateNested({ each: true }) @Type(() => StandardItemRequest) items!: StandardItemRequest[];
  @ApiProperty({ type: [StandardVetoRequest], description: '否决项' })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => StandardVetoRequest)
  vetoes!: StandardVetoRequest[];
}
