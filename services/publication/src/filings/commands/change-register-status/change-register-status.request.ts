import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsNotEmpty, IsObject, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { REGISTER_ACTIONS, RegisterAction } from '@filing/contracts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class SuspensionPeriodRequest {
  @ApiProperty({ example: '2026-03-01' }) @Matches(DATE, { message: 'from must be a date YYYY-MM-DD' }) from!: string;
  @ApiProperty({ required: false, example: '2026-06-30', description: 'Last day; absent = until reinstated' })
  @IsOptional()
  @Matches(DATE, { message: 'until must be a date YYYY-MM-DD' })
  until?: string;
}

export class DetailsChangeRequest {
  @ApiProperty({ required: false, example: '长春一汽模具科技有限公司' }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) name?: string;
  @ApiProperty({ required: false, example: '长春市绿园区东风大街 9 号' }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(300) address?: string;
}

/** A decision on a filed institution's register entry (变更, 暂停, 恢复, 撤销, 注销). */
export class ChangeRegisterStatusRequest {
  @ApiProperty({ enum: REGISTER_ACTIONS }) @IsIn(REGISTER_ACTIONS) action!: RegisterAction;
  @ApiProperty({ example: '年度检查发现考评员配备不足，责令整改。' }) @IsString() @IsNotEmpty() @MaxLength(2000) reason!: string;
  @ApiProperty({ required: false, example: '吉人社函〔2026〕15号' }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) decisionReference?: string;
  @ApiProperty({ required: false, type: SuspensionPeriodRequest, description: 'Required for suspend' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => SuspensionPeriodRequest)
  suspension?: SuspensionPeriodRequest;
  @ApiProperty({ required: false, type: DetailsChangeRequest, description: 'Required for change-details' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => DetailsChangeRequest)
  details?: DetailsChangeRequest;
}
