import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { APPLICATION_KINDS, ApplicationKind, InstitutionPart, JURISDICTION_CODE_PATTERN, OccupationPart } from '@filing/contracts';

export class CreateApplicationRequest {
  @ApiProperty({ enum: APPLICATION_KINDS, description: 'new-filing (新备案) or add-occupation (增加认定职业)' })
  @IsIn(APPLICATION_KINDS)
  applicationKind!: ApplicationKind;

  @ApiProperty({ example: '220100', description: 'jurisdiction by affiliation (隶属关系): 220000 for the province (incl. 中省直 units) or a city-level code' })
  @Matches(JURISDICTION_CODE_PATTERN)
  jurisdiction!: string;

  @ApiProperty({ description: 'the applicant: name, 统一社会信用代码 (check character verified), kind, legal representative, address, contact' })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => InstitutionPart)
  institution!: InstitutionPart;

  @ApiProperty({ type: [OccupationPart], description: 'occupations (职业/工种) × levels (5 = 五级 … 1 = 一级) with their basis' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => OccupationPart)
  occupations!: OccupationPart[];

  @ApiPropertyOptional({
    example: '吉人社备〔2025〕3号',
    description: 'add-occupation only: the 备案通知文号 (e.g. 吉人社备〔2025〕3号) or the 备案编号 (e.g. 220000-2025-0001) of the existing filing',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  existingFilingNumber?: string;
}
