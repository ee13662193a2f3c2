import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { RECHECK_DECISIONS, RecheckDecision } from '@filing/contracts';

export class DecideRecheckRequest {
  @ApiProperty({
    enum: RECHECK_DECISIONS,
    description:
      'The provincial re-check result (复核结论). return-to-group (退回专家组重新评议) only at the comprehensive gate; a failing comprehensive opinion is confirmed (fail) or returned to the group, never passed.',
  })
  @IsIn(RECHECK_DECISIONS, { message: 'decision 须为 pass（通过）、fail（不通过）或 return-to-group（退回专家组）' })
  decision!: RecheckDecision;

  @ApiProperty({ description: 'Why; on fail the city and the applicant see it (退回理由 / 不通过理由).' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  reason!: string;
}
