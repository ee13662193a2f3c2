import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { RegisterStatus, SKILL_LEVELS } from '@filing/contracts';

export class SearchRegisterQuery {
  @ApiProperty({ required: false, example: '220100', description: 'Jurisdiction (city) code; 220000 for province-level institutions' })
  @IsOptional()
  @Matches(/^\d{6}$/)
  city?: string;

  @ApiProperty({ required: false, example: '6-18-01-01', description: 'Occupation code, or part of its name (职业/工种)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  occupation?: string;

  @ApiProperty({ required: false, example: 3, description: '5 = 五级/初级工 … 1 = 一级/高级技师' })
  @IsOptional()
  @Type(() => Number)
  @IsIn(SKILL_LEVELS)
  level?: number;

  @ApiProperty({ required: false, example: '模具', description: 'Part of the institution name' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  name?: string;

  @ApiProperty({ required: false, example: '91220101MA0Y3B9X18', description: '统一社会信用代码 (exact)' })
  @IsOptional()
  @Matches(/^[0-9A-HJ-NPQRTUWXY]{18}$/, { message: 'creditCode must be an 18-character 统一社会信用代码' })
  creditCode?: string;

  @ApiProperty({
    required: false,
    enum: ['current', 'valid', 'suspended', 'withdrawn', 'cancelled', 'all'],
    default: 'current',
    description: 'current = valid and suspended (在册)',
  })
  @IsOptional()
  @IsIn(['current', 'valid', 'suspended', 'withdrawn', 'cancelled', 'all'])
  status?: 'current' | RegisterStatus | 'all';

  @ApiProperty({ required: false, default: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(10000) page?: number;
  @ApiProperty({ required: false, default: 20 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) pageSize?: number;
}
