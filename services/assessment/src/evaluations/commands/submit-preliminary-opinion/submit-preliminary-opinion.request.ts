import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** 初评意见: pass or fail on the materials, with the reasons. */
export class SubmitPreliminaryOpinionRequest {
  @ApiProperty({ enum: ['pass', 'fail'] }) @IsIn(['pass', 'fail']) result!: 'pass' | 'fail';
  @ApiProperty({ type: [String], description: 'reasons (at least one when the result is fail)' })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(1000, { each: true })
  reasons!: string[];
  @ApiProperty({ description: 'the opinion text' }) @IsString() @IsNotEmpty() @MaxLength(4000) summary!: string;
}
