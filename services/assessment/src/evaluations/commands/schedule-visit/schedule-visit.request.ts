import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** The on-site visit's plan: the day, the place and the members going. */
export class ScheduleVisitRequest {
  @ApiProperty({ example: '2026-12-10', description: 'China calendar date of the visit (YYYY-MM-DD)' }) @IsString() @MaxLength(10) date!: string;
  @ApiProperty({ example: '长春市绿园区西新工业园 8 号 实训楼' }) @IsString() @IsNotEmpty() @MaxLength(500) place!: string;
  @ApiProperty({ type: [String], description: 'expert ids of the members going' })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  memberIds!: string[];
}
