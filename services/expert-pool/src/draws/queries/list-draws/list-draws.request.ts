import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { DRAW_STATUSES, DrawStatus } from '../../infrastructure/draw.entity';

export class ListDrawsRequest {
  @ApiPropertyOptional({ enum: DRAW_STATUSES, description: 'QUEUED is the discipline officer’s queue' }) @IsOptional() @IsIn(DRAW_STATUSES) status?: DrawStatus;
}
