import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsDefined, IsNotEmpty, IsString, MaxLength, ValidateNested } from 'class-validator';

/** 回避声明: the member states that no conflict of interest exists with the applicant, or declares one. */
export class ConflictDeclarationPart {
  @ApiProperty({ description: 'true declares a conflict of interest: the member is recused and the next reserve is called' })
  @IsBoolean({ message: '回避声明须说明是否存在利害关系（hasConflict）' })
  hasConflict!: boolean;

  @ApiProperty({
    example: '本人与申请机构不存在利害关系，承诺客观公正、保守秘密。',
    description: 'the text the member signs (or, with a conflict, what it is)',
  })
  @IsString()
  @IsNotEmpty({ message: '回避声明的内容不能为空' })
  @MaxLength(2000)
  statement!: string;
}

export class ConfirmInvitationRequest {
  @ApiProperty({ type: ConflictDeclarationPart, description: 'the signed conflict-of-interest declaration (回避声明); required' })
  @IsDefined({ message: '确认邀请须签署回避声明（conflictDeclaration）' })
  @ValidateNested()
  @Type(() => ConflictDeclarationPart)
  conflictDeclaration!: ConflictDeclarationPart;
}
