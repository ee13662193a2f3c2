import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class InvestigateObjectionRequest {
  @ApiProperty({ example: '已电话联系异议人，安排实地核查。' }) @IsString() @IsNotEmpty() @MaxLength(4000) note!: string;
}
