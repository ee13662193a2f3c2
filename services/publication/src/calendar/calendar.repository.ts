import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CalendarOverride, WorkingDayCalendar } from '@filing/calendar';
import { SCHEMA } from '../infrastructure/database';

/** The working-day calendar as of now: chinese-days plus the overrides an administrator loaded. */
@Injectable()
export class CalendarRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async overrides(manager: EntityManager = this.dataSource.manager): Promise<(CalendarOverride & { note: string | null })[]> {
    return manager.query(`SELECT to_char(date, 'YYYY-MM-DD') AS date, kind, note FROM ${SCHEMA}.calendar_override ORDER BY date`);
  }

  async calendar(manager?: EntityManager): Promise<WorkingDayCalendar> {
    return new WorkingDayCalendar(await this.overrides(manager));
  }
}
