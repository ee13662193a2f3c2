import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class CastVoteRequest {
  @ApiProperty({ description: 'the member voted for as group leader (组长)' }) @IsString() @IsNotEmpty() @MaxLength(100) candidateExpertId!: string;
}
