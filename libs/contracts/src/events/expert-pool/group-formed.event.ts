import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsInt, IsISO8601, IsNotEmpty, IsString, Matches, Min, ValidateNested } from 'class-validator';
import { JURISDICTION_CODE_PATTERN, OCCUPATION_CODE_PATTERN } from '../parts';

export class GroupMemberPart {
  @IsString() @IsNotEmpty() expertId!: string;
  @IsString() @IsNotEmpty() name!: string;
  @IsArray() @Matches(OCCUPATION_CODE_PATTERN, { each: true }) occupationCodes!: string[];
}

/** The technical evaluation expert group (技术评估专家组) is formed from a committed draw. */
export class GroupFormed {
  @IsString() @IsNotEmpty() caseId!: string;
  @Matches(JURISDICTION_CODE_PATTERN) jurisdiction!: string;
  @IsString() @IsNotEmpty() groupId!: string;
  @IsString() @IsNotEmpty() drawId!: string;
  /** Whose expert database the group came from. */
  @Matches(JURISDICTION_CODE_PATTERN) databaseLevel!: string;
  @IsArray() @ArrayMinSize(3) @ValidateNested({ each: true }) @Type(() => GroupMemberPart) members!: GroupMemberPart[];
  @IsInt() @Min(0) reserveCount!: number;
  /** sha-256 commitment published before the draw (docs/architecture.md §8). */
  @Matches(/^[0-9a-f]{64}$/) commitment!: string;
  @IsISO8601() formedAt!: string;
}
