import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

export class NotApproveCaseRequest {
  @ApiProperty({ description: 'Why the result is not approved.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  reason!: string;

  @ApiPropertyOptional({ description: 'Reference of the 厅长办公会 minutes; required for a province case.' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  meetingReference?: string;
}
