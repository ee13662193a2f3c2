import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class ResubmitApplicationRequest {
  @ApiPropertyOptional({ description: 'what was changed in answer to the return reasons' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}
