import { ApiProperty } from '@nestjs/swagger';
import { IsCalendarDate } from '@filing/contracts';

export class GetCalendarDaysQuery {
  @ApiProperty({ example: '2025-09-29', description: 'first day (YYYY-MM-DD, China date)' })
  @IsCalendarDate()
  from!: string;

  @ApiProperty({ example: '2025-10-31', description: 'last day (YYYY-MM-DD), at most 92 days after from' })
  @IsCalendarDate()
  to!: string;
}
