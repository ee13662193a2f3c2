import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export class ImportExpertsQuery {
  @ApiPropertyOptional({ enum: ['all', 'partial'], default: 'all', description: 'all-or-nothing (default), or import the valid rows and list the rest' })
  @IsOptional()
  @IsIn(['all', 'partial'])
  mode?: 'all' | 'partial';
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'answer at once with a job to poll, whatever the size' })
  @IsOptional()
  @IsIn(['true', 'false'])
  async?: 'true' | 'false';
}
