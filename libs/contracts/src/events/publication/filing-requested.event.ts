import { IsISO8601, IsNotEmpty, IsString, Matches } from 'class-validator';
import { JURISDICTION_CODE_PATTERN } from '../parts';

/**
 * With no objection outstanding, the provincial centre (province case) or the regional HRSS department (city case)
 * asks the provincial department to issue the filing notice (报请下发备案通知).
 */
export class FilingRequested {
  @IsString() @IsNotEmpty() caseId!: string;
  @Matches(JURISDICTION_CODE_PATTERN) jurisdiction!: string;
  @IsString() @IsNotEmpty() noticeId!: string;
  @IsString() @IsNotEmpty() requestedBy!: string;
  @IsISO8601() requestedAt!: string;
}
