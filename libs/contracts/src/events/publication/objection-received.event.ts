import { IsISO8601, IsNotEmpty, IsString, Matches } from 'class-validator';
import { JURISDICTION_CODE_PATTERN } from '../parts';

/** An objection (异议) was lodged during the notice. The objector's identity stays in publication. */
export class ObjectionReceived {
  @IsString() @IsNotEmpty() caseId!: string;
  @Matches(JURISDICTION_CODE_PATTERN) jurisdiction!: string;
  @IsString() @IsNotEmpty() noticeId!: string;
  @IsString() @IsNotEmpty() objectionId!: string;
  @IsString() @IsNotEmpty() receiptNumber!: string;
  @IsISO8601() receivedAt!: string;
}
