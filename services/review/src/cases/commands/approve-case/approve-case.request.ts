import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

export class ApproveCaseRequest {
  @ApiPropertyOptional({ description: 'Reference of the 厅长办公会 minutes/agenda item; required for a province case.' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  meetingReference?: string;

  @ApiPropertyOptional({ description: 'Note recorded with the approval (审定意见).' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}
