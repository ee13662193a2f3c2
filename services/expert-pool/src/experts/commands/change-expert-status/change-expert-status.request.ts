import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class ChangeExpertStatusRequest {
  @ApiProperty({ example: 'two unexcused absences from evaluations' }) @IsString() @IsNotEmpty() @MaxLength(2000) reason!: string;
}
