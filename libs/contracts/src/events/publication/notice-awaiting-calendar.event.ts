import { IsInt, IsISO8601, IsNotEmpty, IsString, Matches, Max, Min } from 'class-validator';
import { JURISDICTION_CODE_PATTERN } from '../parts';

/**
 * An approved case cannot go on public notice yet: its notice window reaches a year for which the working-day
 * calendar has no data (chinese-days ends, and no administrator has loaded that year's arrangement). The notice opens
 * by itself once the year is loaded (then `publication.notice.opened.v1` follows). Emitted again only if the missing
 * year changes.
 */
export class NoticeAwaitingCalendar {
  @IsString() @IsNotEmpty() caseId!: string;
  @Matches(JURISDICTION_CODE_PATTERN) jurisdiction!: string;
  /** The first year the window reaches that the calendar does not cover. */
  @IsInt() @Min(2000) @Max(2100) year!: number;
  @IsISO8601() approvedAt!: string;
  @IsISO8601() waitingSince!: string;
}
