import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class AcceptCaseRequest {
  @ApiPropertyOptional({ description: 'Note recorded with the acceptance (受理意见).' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}
