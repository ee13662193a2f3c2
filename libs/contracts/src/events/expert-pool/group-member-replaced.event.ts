import { Type } from 'class-transformer';
import { IsDefined, IsISO8601, IsIn, IsNotEmpty, IsObject, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { GroupMemberPart } from './group-formed.event';
import { JURISDICTION_CODE_PATTERN } from '../parts';

/** A member declined or was recused (回避) and the next ranked reserve took their place. */
export class GroupMemberReplaced {
  @IsString() @IsNotEmpty() caseId!: string;
  @Matches(JURISDICTION_CODE_PATTERN) jurisdiction!: string;
  @IsString() @IsNotEmpty() groupId!: string;
  @IsString() @IsNotEmpty() replacedExpertId!: string;
  @IsDefined() @IsObject() @ValidateNested() @Type(() => GroupMemberPart) replacement!: GroupMemberPart;
  @IsIn(['declined', 'recused']) cause!: 'declined' | 'recused';
  @IsString() @MaxLength(2000) reason!: string;
  @IsISO8601() replacedAt!: string;
}
