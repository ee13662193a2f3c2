import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDefined, IsNotEmpty, IsObject, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import type { DrawSnapshot } from '../../domain/draw-snapshot';

export class DrawResultRequest {
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMaxSize(100) @IsString({ each: true }) members!: string[];
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMaxSize(100) @IsString({ each: true }) reserves!: string[];
}

/** A published draw, as `GET /draws/:id/verification` returns it under `published`. */
export class VerifyDrawRequest {
  @ApiProperty({ description: 'the eligible-pool snapshot, exactly as published' }) @IsObject() snapshot!: DrawSnapshot;
  @ApiProperty() @Matches(/^[0-9a-f]{64}$/) commitment!: string;
  @ApiProperty() @Matches(/^[0-9a-f]{64}$/) seed!: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(500) officerEntropy!: string;
  @ApiProperty() @IsDefined() @IsObject() @ValidateNested() @Type(() => DrawResultRequest) result!: DrawResultRequest;
}
