import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateBy } from 'class-validator';
import { idNumberProblem } from '../../domain/id-number';

/** 居民身份证号 with its GB 11643 check character (a typo is caught here, not by the centre weeks later). */
const IsResidentIdNumber = () =>
  ValidateBy({
    name: 'isResidentIdNumber',
    validator: {
      validate: (value: unknown) => idNumberProblem(value) === undefined,
      defaultMessage: (args) => `idNumber ${idNumberProblem(args?.value) ?? ''} (居民身份证号, GB 11643)`,
    },
  });

/** 实名书面异议: real name, ID number, contact and reasons. Anonymous objections are not accepted. */
export class LodgeObjectionRequest {
  @ApiProperty({ example: '张三' }) @IsString() @IsNotEmpty() @MaxLength(50) name!: string;
  @ApiProperty({ example: '220102199001011239', description: '居民身份证号 (18 characters, GB 11643 check character)' })
  @IsResidentIdNumber()
  idNumber!: string;
  @ApiProperty({ example: '13912345678' })
  @Matches(/^[0-9+\-() ]{5,30}$/, { message: 'phone must be a telephone number' })
  phone!: string;
  @ApiProperty({ required: false }) @IsOptional() @IsEmail() @MaxLength(200) email?: string;
  @ApiProperty({ required: false }) @IsOptional() @IsString() @MaxLength(300) address?: string;
  @ApiProperty({ example: '该机构不具备车工三级的实操考核场地。' }) @IsString() @IsNotEmpty() @MaxLength(4000) reason!: string;
  @ApiProperty({
    required: false,
    example: '2025年9月实地查看照片可提供；知情人：王某，电话 138…',
    description: '证据及线索: what supports the objection and where to find it',
  })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  evidence?: string;
}
