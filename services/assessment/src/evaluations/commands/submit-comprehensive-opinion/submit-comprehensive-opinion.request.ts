import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

export class DissentRequest {
  @ApiProperty() @IsString() @IsNotEmpty() expertId!: string;
  @ApiProperty({ description: 'the member’s differing opinion (不同意见)' }) @IsString() @IsNotEmpty() @MaxLength(2000) opinion!: string;
}

/** 综合评审会: when, where and who of the group was present. */
export class PlenaryMeetingRequest {
  @ApiProperty({ description: 'the meeting day (YYYY-MM-DD, China), not after today', example: '2025-10-10' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'meeting.date 须为 YYYY-MM-DD 格式的日期' })
  date!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) place?: string;
  @ApiProperty({ type: [String], description: 'expert ids of the members present; the leader among them, more than half of the group' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(15)
  @IsString({ each: true })
  attendees!: string[];
}

/** The plenary's outcome for one applied occupation (职业/工种): the levels that passed, none when it did not pass. */
export class OccupationOutcomeRequest {
  @ApiProperty({ example: '6-18-01-01' }) @IsString() @IsNotEmpty() code!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) workType?: string;
  @ApiProperty({ type: [Number], description: 'the levels passed, a subset of those applied for; empty = not passed' })
  @IsArray()
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(5, { each: true })
  levels!: number[];
  @ApiPropertyOptional({ description: 'why it did not pass, or passed at fewer levels; required then' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

/** 综合技术评估意见, formed at the group's plenary meeting (综合评审会 / 全体会议). */
export class SubmitComprehensiveOpinionRequest {
  @ApiProperty({ description: 'the comprehensive opinion text' }) @IsString() @IsNotEmpty() @MaxLength(6000) summary!: string;
  @ApiProperty({ type: PlenaryMeetingRequest })
  @IsDefined({ message: 'meeting（综合评审会的日期与出席成员）必填' })
  @IsObject()
  @ValidateNested()
  @Type(() => PlenaryMeetingRequest)
  meeting!: PlenaryMeetingRequest;
  @ApiProperty({ enum: ['pass', 'fail'], description: 'the result the group reached' })
  @IsIn(['pass', 'fail'], { message: 'result 须为 pass（通过）或 fail（不通过）' })
  result!: 'pass' | 'fail';
  @ApiPropertyOptional({ description: 'required when the result differs from the score arithmetic of the technical opinion' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  overrideReason?: string;
  @ApiProperty({ type: [OccupationOutcomeRequest], description: 'one outcome per applied occupation' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => OccupationOutcomeRequest)
  occupations!: OccupationOutcomeRequest[];
  @ApiPropertyOptional({ type: [DissentRequest] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(15)
  @ValidateNested({ each: true })
  @Type(() => DissentRequest)
  dissent?: DissentRequest[];
}
