import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class PerformDrawRequest {
  @ApiProperty({ example: 'dice 3-6-1-4-2, 2026-11-26 09:30', description: "the officer's own entropy, recorded and published with the seed" })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  officerEntropy!: string;
}
