import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsNotEmpty, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { MaterialPointerRequest } from '../record-visit-method/record-visit-method.request';

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
  @ApiPropertyOptional({
    type: MaterialPointerRequest,
    description: "the material, version and page (intake's material id, as the group's materials view shows it)",
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => MaterialPointerRequest)
  material?: MaterialPointerRequest;
}
