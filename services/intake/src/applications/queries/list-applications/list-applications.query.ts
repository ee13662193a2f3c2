import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { JURISDICTION_CODE_PATTERN } from '@filing/contracts';
import { APPLICATION_STATUSES, ApplicationStatus } from '../../domain/application-status';

export class ListApplicationsQuery {
  @ApiPropertyOptional({ enum: APPLICATION_STATUSES }) @IsOptional() @IsIn(APPLICATION_STATUSES) status?: ApplicationStatus;
  @ApiPropertyOptional({ description: 'only this jurisdiction (within what the caller may read)' })
  @IsOptional()
  @Matches(JURISDICTION_CODE_PATTERN)
  jurisdiction?: string;
  @ApiPropertyOptional({ default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  @ApiPropertyOptional({ default: 0 }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(1000000) offset?: number;
}
