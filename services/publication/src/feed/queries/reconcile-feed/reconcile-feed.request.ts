import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsString, MaxLength } from 'class-validator';

export class ReconcileFeedRequest {
  @ApiProperty({ type: [String], description: 'Every filing id (= CloudEvents id) the national platform holds' })
  @IsArray()
  @ArrayMaxSize(20000)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  heldIds!: string[];
}
