import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

/** The identity-provider account to link: its token subject (`sub`), and optionally its user name for people. */
export class LinkAccountRequest {
  @ApiProperty({ description: "the account's `sub` claim at the identity provider (Keycloak: the user's id)", example: '1c470386-d0cf-4cc1-8d3e-961fd64fdbb4' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  @Matches(/^\S+$/, { message: 'subject must not contain whitespace' })
  subject!: string;

  @ApiPropertyOptional({ example: 'expert-220100-01' }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(255) username?: string;
}
