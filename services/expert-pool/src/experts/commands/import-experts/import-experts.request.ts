import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { ImportMode } from '../../infrastructure/import-job.entity';

export class ImportExpertsQuery {
  @ApiPropertyOptional({
    enum: ['all', 'partial', 'check'],
    default: 'all',
    description:
      'all-or-nothing (default); partial: import the valid rows and list the rest; check: validate every row and import nothing (status `checked` or `rejected`)',
  })
  @IsOptional()
  @IsIn(['all', 'partial', 'check'])
  mode?: ImportMode;
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'answer at once with a job to poll, whatever the size' })
  @IsOptional()
  @IsIn(['true', 'false'])
  async?: 'true' | 'false';
}
