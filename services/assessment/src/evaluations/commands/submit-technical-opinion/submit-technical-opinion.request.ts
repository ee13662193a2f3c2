import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** 技术评估意见: the leader's text; the scores come from the members' submitted sheets. */
export class SubmitTechnicalOpinionRequest {
  @ApiProperty({ description: 'the technical evaluation opinion text' }) @IsString() @IsNotEmpty() @MaxLength(6000) summary!: string;
}
