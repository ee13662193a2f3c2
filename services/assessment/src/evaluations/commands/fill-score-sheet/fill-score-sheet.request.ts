import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayUnique, IsArray, IsIn, IsNotEmpty, IsNumber, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { ONSITE_METHODS, OnsiteMethod } from '../../domain/score-sheet';
import { MaterialPointerRequest } from '../record-visit-method/record-visit-method.request';

export class SubItemScoreRequest {
  @ApiProperty({ example: '4.1' }) @IsString() @IsNotEmpty() @MaxLength(20) subItemId!: string;
  @ApiProperty({ example: 5, description: '0 to the sub-item maximum' })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  score!: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;
  @ApiPropertyOptional({ type: MaterialPointerRequest, description: 'the material and page the score rests on' })
  @IsOptional()
  @ValidateNested()
  @Type(() => MaterialPointerRequest)
  material?: MaterialPointerRequest;
}

export class VetoFlagRequest {
  @ApiProperty({ example: 'V5', description: '否决项 id of the pinned standard' }) @IsString() @IsNotEmpty() @MaxLength(20) vetoId!: string;
  @ApiProperty({ description: 'what the member saw' }) @IsString() @IsNotEmpty() @MaxLength(2000) reason!: string;
}

/** A member's on-site score sheet (draft). */
export class FillScoreSheetRequest {
  @ApiProperty({ type: [SubItemScoreRequest] }) @IsArray() @ValidateNested({ each: true }) @Type(() => SubItemScoreRequest) scores!: SubItemScoreRequest[];
  @ApiProperty({ description: '佐证说明: the evidence the member relied on' }) @IsString() @MaxLength(8000) evidenceNote!: string;
  @ApiPropertyOptional({
    enum: ONSITE_METHODS,
    isArray: true,
    description: 'the old tick-boxes 听取汇报/现场查看/访谈咨询/质询答疑/技术抽查; the visit record (/onsite-visit) now says which were used',
  })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(ONSITE_METHODS, { each: true })
  methods?: OnsiteMethod[];
  @ApiProperty({ type: [VetoFlagRequest] }) @IsArray() @ValidateNested({ each: true }) @Type(() => VetoFlagRequest) vetoes!: VetoFlagRequest[];
}
