import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class ReplaceMemberRequest {
  @ApiProperty({ example: 'I was an adviser to the applicant in 2025' }) @IsString() @IsNotEmpty() @MaxLength(2000) reason!: string;
}
