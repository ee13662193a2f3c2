import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsIn, Matches, ValidateNested } from 'class-validator';
import { APPLICATION_KINDS, ApplicationKind, InstitutionPart, JURISDICTION_CODE_PATTERN, OccupationPart } from '@filing/contracts';

export class SubmitApplicationRequest {
  @ApiProperty({ enum: APPLICATION_KINDS }) @IsIn(APPLICATION_KINDS) applicationKind!: ApplicationKind;
  @ApiProperty({ example: '220100', description: 'jurisdiction by affiliation (隶属关系)' })
  @Matches(JURISDICTION_CODE_PATTERN)
  jurisdiction!: string;
  @ApiProperty() @ValidateNested() @Type(() => InstitutionPart) institution!: InstitutionPart;
  @ApiProperty({ type: [OccupationPart] }) @IsArray() @ArrayMinSize(1) @ValidateNested({ each: true }) @Type(() => OccupationPart) occupations!: OccupationPart[];
}
