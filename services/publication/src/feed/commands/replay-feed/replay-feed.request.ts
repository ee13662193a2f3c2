import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsOptional, Matches, Min } from 'class-validator';

/** Exactly one of fromSequence and fromDate. */
export class ReplayFeedRequest {
  @ApiProperty({ required: false, example: 1 }) @IsOptional() @IsInt() @Min(1) fromSequence?: number;
  @ApiProperty({ required: false, example: '2026-01-01', description: 'Filing notice date (China), inclusive' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  fromDate?: string;
}
