import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class NotAcceptCaseRequest {
  @ApiProperty({ description: 'Why the application is not accepted (不予受理理由); the applicant sees it.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  reason!: string;
}
