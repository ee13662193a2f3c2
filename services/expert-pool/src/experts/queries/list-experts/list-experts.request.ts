import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { OCCUPATION_CODE_PATTERN } from '@filing/contracts';
import { EXPERT_STATUSES, ExpertStatus } from '../../infrastructure/expert.entity';

export class ListExpertsRequest {
  @ApiPropertyOptional({ enum: EXPERT_STATUSES }) @IsOptional() @IsIn(EXPERT_STATUSES) status?: ExpertStatus;
  @ApiPropertyOptional({ example: '6-18-01-01' }) @IsOptional() @Matches(OCCUPATION_CODE_PATTERN) occupation?: string;
  @ApiPropertyOptional({ description: 'part of the name or employer' }) @IsOptional() @IsString() @MaxLength(100) q?: string;
  @ApiPropertyOptional({ default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit?: number;
  @ApiPropertyOptional({ default: 0 }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(1000000) offset?: number;
}
