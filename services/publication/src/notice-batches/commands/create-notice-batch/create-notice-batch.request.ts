import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsUUID } from 'class-validator';

export class CreateNoticeBatchRequest {
  @ApiProperty({
    type: [String],
    format: 'uuid',
    description: 'The open notices to list, in the order of the 公示 table (at most 30; empty or repeated ids are refused with their own codes)',
    example: ['6f1c6a1e-3c1d-4c55-9d1e-2f0a8b7c9d10'],
  })
  @IsArray()
  // A ceiling for the parser only; the batch's own cap (and its code) is the domain's.
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true })
  noticeIds!: string[];
}
