import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDefined, IsISO8601, IsIn, IsInt, IsObject, Matches, Max, Min, ValidateNested } from 'class-validator';
import { ActorPart } from '../parts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** One day of the loaded arrangement: `holiday` = 放假; `workday` = 调休上班 (or a correction). */
export class CalendarOverrideDayPart {
  @Matches(DATE) date!: string;
  @IsIn(['workday', 'holiday']) kind!: 'workday' | 'holiday';
}

/**
 * An administrator loaded a year's holiday arrangement into the working-day calendar (the one the public notice
 * counts on), for a year chinese-days lacks or as a correction. `days` is the year's whole loaded set and replaces
 * any earlier set for that year; days not listed follow Monday–Friday. Not a case event: keyed `calendar-<year>`.
 */
export class CalendarOverridesLoaded {
  @IsInt() @Min(2000) @Max(2100) year!: number;
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(366) @ValidateNested({ each: true }) @Type(() => CalendarOverrideDayPart) days!: CalendarOverrideDayPart[];
  @IsDefined() @IsObject() @ValidateNested() @Type(() => ActorPart) loadedBy!: ActorPart;
  @IsISO8601() loadedAt!: string;
}
