import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';

export class DissentRequest {
  @ApiProperty() @IsString() @IsNotEmpty() expertId!: string;
  @ApiProperty({ description: 'the member’s differing opinion (不同意见)' }) @IsString() @IsNotEmpty() @MaxLength(2000) opinion!: string;
}

/** 综合技术评估意见, formed at the group's plenary meeting (全体会议). */
export class SubmitComprehensiveOpinionRequest {
  @ApiProperty({ description: 'the comprehensive opinion text' }) @IsString() @IsNotEmpty() @MaxLength(6000) summary!: string;
  @ApiPropertyOptional({ type: [DissentRequest] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(15)
  @ValidateNested({ each: true })
  @Type(() => DissentRequest)
  dissent?: DissentRequest[];
}
