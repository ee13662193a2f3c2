import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayUnique, IsArray, IsIn, IsNotEmpty, IsNumber, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { ONSITE_METHODS, OnsiteMethod } from '../../domain/score-sheet';

export class SubItemScoreRequest {
  @ApiProperty({ example: '4.1' }) @IsString() @IsNotEmpty() @MaxLength(20) subItemId!: string;
  @ApiProperty({ example: 5, description: '0 to the sub-item maximum' })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  score!: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class VetoFlagRequest {
  @ApiProperty({ example: 'V5', description: '否决项 id of the pinned standard' }) @IsString() @IsNotEmpty() @MaxLength(20) vetoId!: string;
  @ApiProperty({ description: 'what the member saw' }) @IsString() @IsNotEmpty() @MaxLength(2000) reason!: string;
}

/** A member's on-site score sheet (draft). */
export class FillScoreSheetRequest {
  @ApiProperty({ type: [SubItemScoreRequest] }) @IsArray() @ValidateNested({ each: true }) @Type(() => SubItemScoreRequest) scores!: SubItemScoreRequest[];
  @ApiProperty({ description: '佐证说明: the evidence the member relied on' }) @IsString() @MaxLength(8000) evidenceNote!: string;
  @ApiProperty({ enum: ONSITE_METHODS, isArray: true, description: '听取汇报/现场查看/访谈咨询/质询答疑/技术抽查' })
  @IsArray()
  @ArrayUnique()
  @IsIn(ONSITE_METHODS, { each: true })
  methods!: OnsiteMethod[];
  @ApiProperty({ type: [VetoFlagRequest] }) @IsArray() @ValidateNested({ each: true }) @Type(() => VetoFlagRequest) vetoes!: VetoFlagRequest[];
}
