import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  Validate,
  ValidatorConstraint,
  ValidatorConstraintInterface,
} from 'class-validator';
import { OCCUPATION_CODE_PATTERN } from '@filing/contracts';

@ValidatorConstraint({ name: 'oddGroupSize' })
class OddNumber implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'number' && value % 2 === 1;
  }
  defaultMessage(): string {
    return 'groupSize must be an odd number (3, 5, 7, ...)';
  }
}

/** The technical evaluation work plan (技术评估工作方案) and the expert requirements (专家需求). */
export class RequestExpertsRequest {
  @ApiProperty({ description: 'The technical evaluation work plan (技术评估工作方案).' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  workPlan!: string;

  @ApiProperty({ description: 'Group size: odd, at least 3.', example: 5 })
  @IsInt()
  @Min(3)
  @Max(15)
  @Validate(OddNumber)
  groupSize!: number;

  @ApiProperty({ description: 'Ranked reserves to draw beyond the group.', example: 2 })
  @IsInt()
  @Min(0)
  @Max(10)
  reserves!: number;

  @ApiPropertyOptional({ description: 'At most this many members from one employer.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  maxPerEmployer?: number;

  @ApiPropertyOptional({ description: 'Occupation codes the group must cover; all occupations applied for by default.', type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @Matches(OCCUPATION_CODE_PATTERN, { each: true })
  occupationCodes?: string[];

  @ApiPropertyOptional({ description: 'Planned date of the on-site evaluation (YYYY-MM-DD).' })
  @IsOptional()
  @IsISO8601({ strict: true })
  plannedOnsiteDate?: string;
}
