import { ApiProperty } from '@nestjs/swagger';
import { IsArray, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { OCCUPATION_CODE_PATTERN } from '@filing/contracts';

export class ResolveObjectionRequest {
  @ApiProperty({ enum: ['upheld', 'dismissed'], description: 'upheld = 异议成立; dismissed = 异议不成立' })
  @IsIn(['upheld', 'dismissed'])
  outcome!: 'upheld' | 'dismissed';

  @ApiProperty({
    required: false,
    enum: ['whole-case', 'occupations'],
    description: 'Required when upheld: the case fails, or only some occupations are struck out.',
  })
  @IsOptional()
  @IsIn(['whole-case', 'occupations'])
  scope?: 'whole-case' | 'occupations';

  @ApiProperty({ required: false, type: [String], example: ['6-18-01-01'] })
  @IsOptional()
  @IsArray()
  @Matches(OCCUPATION_CODE_PATTERN, { each: true })
  struckOccupationCodes?: string[];

  @ApiProperty({ example: '经实地核查，该机构实操场地符合要求，异议不成立。' }) @IsString() @IsNotEmpty() @MaxLength(4000) reason!: string;
}
