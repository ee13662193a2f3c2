import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { DRAW_STATUSES, DrawStatus } from '../../infrastructure/draw.entity';

export class ListDrawsRequest {
  @ApiPropertyOptional({ enum: DRAW_STATUSES, description: 'QUEUED is the discipline officer’s queue' }) @IsOptional() @IsIn(DRAW_STATUSES) status?: DrawStatus;
  @ApiPropertyOptional({ description: 'the draws of one case (its page shows the group)' }) @IsOptional() @IsString() @MaxLength(100) caseId?: string;
}
