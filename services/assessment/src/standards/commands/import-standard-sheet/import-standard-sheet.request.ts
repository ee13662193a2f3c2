import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { INSTITUTION_KINDS } from '@filing/contracts';

/** The text parts of the multipart import: the version's head. The table itself is the `file` part. */
export class ImportStandardSheetRequest {
  @ApiProperty({ example: 'jl-attachment-1-employer' }) @Matches(/^[a-z0-9][a-z0-9-]{1,80}$/) standardId!: string;
  @ApiProperty({ example: '2' }) @Matches(/^[A-Za-z0-9][A-Za-z0-9.\-]{0,30}$/) version!: string;
  @ApiProperty({ enum: INSTITUTION_KINDS }) @IsIn(INSTITUTION_KINDS) institutionKind!: 'employer' | 'social-org';
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(200) title!: string;
  @ApiProperty({ example: '2027-01-01' }) @IsString() @MaxLength(10) effectiveFrom!: string;
  @ApiProperty({ example: '100' }) @Matches(/^\d+(\.\d+)?$/, { message: 'total must be a number' }) total!: string;
  @ApiProperty({ example: '70' }) @Matches(/^\d+(\.\d+)?$/, { message: 'passLine must be a number' }) passLine!: string;
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true when the version stands in for an official text not yet available' })
  @IsOptional()
  @IsIn(['true', 'false'])
  provisional?: 'true' | 'false';
  @ApiPropertyOptional({ description: 'where the content comes from, e.g. the official document number' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  provenance?: string;
}
