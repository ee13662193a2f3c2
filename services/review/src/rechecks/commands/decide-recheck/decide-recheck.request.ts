import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class DecideRecheckRequest {
  @ApiProperty({ enum: ['pass', 'fail'], description: 'The provincial re-check result (复核结论).' })
  @IsIn(['pass', 'fail'])
  decision!: 'pass' | 'fail';

  @ApiProperty({ description: 'Why; on fail the city and the applicant see it (退回理由 / 不通过理由).' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  reason!: string;
}
