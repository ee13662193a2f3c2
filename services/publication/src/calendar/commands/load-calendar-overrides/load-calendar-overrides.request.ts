import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';

export class CalendarDayRequest {
  @ApiProperty({ example: '2027-02-06' }) @Matches(/^\d{4}-\d{2}-\d{2}$/) date!: string;
  @ApiProperty({ enum: ['workday', 'holiday'], description: 'holiday = 放假; workday = 调休上班 (or a correction)' })
  @IsIn(['workday', 'holiday'])
  kind!: 'workday' | 'holiday';
  @ApiProperty({ required: false, example: '春节' }) @IsOptional() @IsString() @MaxLength(100) note?: string;
}

export class LoadCalendarOverridesRequest {
  @ApiProperty({ example: 2027, description: "The year whose arrangement is loaded; replaces that year's earlier overrides." })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;

  @ApiProperty({
    type: [CalendarDayRequest],
    description: 'Every holiday and make-up working day of the year (国务院办公厅 notice); other days follow Monday–Friday.',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(366)
  @ValidateNested({ each: true })
  @Type(() => CalendarDayRequest)
  days!: CalendarDayRequest[];

  @ApiProperty({ required: false, example: '国办发明电〔2026〕N号' }) @IsOptional() @IsString() @MaxLength(200) source?: string;
}
