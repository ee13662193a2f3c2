import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export class ListDeliveriesRequest {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) caseId?: string;
  @ApiPropertyOptional({ enum: ['queued', 'sent', 'failed'] }) @IsOptional() @IsIn(['queued', 'sent', 'failed']) status?: 'queued' | 'sent' | 'failed';
  @ApiPropertyOptional({ default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit?: number;
  @ApiPropertyOptional({ default: 0 }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(1000000) offset?: number;
}
