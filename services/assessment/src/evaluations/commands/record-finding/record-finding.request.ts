import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

export class RecordFindingRequest {
  @ApiProperty({ description: 'what the member found in the materials' }) @IsString() @IsNotEmpty() @MaxLength(4000) text!: string;
  @ApiPropertyOptional({ example: '4.1', description: 'the sub-item of the standard the finding concerns' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  subItemId?: string;
  @ApiPropertyOptional({ description: 'the material (checklist item or material id) it concerns' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  materialRef?: string;
}
