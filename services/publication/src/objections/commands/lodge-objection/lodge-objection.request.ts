import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

/** 实名书面异议: real name, ID number, contact and reasons. Anonymous objections are not accepted. */
export class LodgeObjectionRequest {
  @ApiProperty({ example: '张三' }) @IsString() @IsNotEmpty() @MaxLength(50) name!: string;
  @ApiProperty({ example: '220102199001011234', description: '居民身份证号 (18 characters)' })
  @Matches(/^\d{17}[\dX]$/, { message: 'idNumber must be an 18-character resident ID number (居民身份证号)' })
  idNumber!: string;
  @ApiProperty({ example: '13912345678' })
  @Matches(/^[0-9+\-() ]{5,30}$/, { message: 'phone must be a telephone number' })
  phone!: string;
  @ApiProperty({ required: false }) @IsOptional() @IsEmail() @MaxLength(200) email?: string;
  @ApiProperty({ required: false }) @IsOptional() @IsString() @MaxLength(300) address?: string;
  @ApiProperty({ example: '该机构不具备车工三级的实操考核场地。' }) @IsString() @IsNotEmpty() @MaxLength(4000) reason!: string;
}
