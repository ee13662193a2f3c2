import { Controller, Get, NotFoundException, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { DataSource } from 'typeorm';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { PROVINCE_CODE } from '@filing/contracts';
import { SCHEMA } from '../../../infrastructure/database';
import { NOTICE_COLUMNS, NOTICE_FROM, NoticeRow } from '../../notice.row';

export class ListNoticesQuery {
  @ApiProperty({ required: false, enum: ['open', 'awaiting-objections', 'closed'] })
  @IsOptional()
  @IsIn(['open', 'awaiting-objections', 'closed'])
  status?: string;
}

/** Staff view of notices: a city sees its own, the province sees all. */
@ApiTags('notices')
@ApiBearerAuth()
@Controller('notices')
export class ListNoticesController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  @Roles('center-staff', 'approver', 'admin')
  async list(@Query() query: ListNoticesQuery, @CurrentPrincipal() principal: Principal) {
    const rows: NoticeRow[] = await this.dataSource.query(
      `SELECT ${NOTICE_COLUMNS} FROM ${NOTICE_FROM}
        WHERE ($1::text IS NULL OR n.status = $1) AND ($2::text = '${PROVINCE_CODE}' OR n.jurisdiction = $2)
        ORDER BY n.opened_at DESC LIMIT 500`,
      [query.status ?? null, principal.jurisdiction],
    );
    return { items: rows };
  }

  /** Approved cases whose notice waits for a year of the working-day calendar (it opens once the year is loaded). */
  @Get('awaiting-calendar')
  @Roles('center-staff', 'approver', 'admin')
  async awaitingCalendar(@CurrentPrincipal() principal: Principal) {
    const items = await this.dataSource.query(
      `SELECT case_id AS "caseId", jurisdiction, year AS "waitingForYear", waiting_since AS "waitingSince", approval->'institution'->>'name' AS "institutionName"
         FROM ${SCHEMA}.notice_awaiting_calendar WHERE ($1::text = '${PROVINCE_CODE}' OR jurisdiction = $1) ORDER BY waiting_since`,
      [principal.jurisdiction],
    );
    return { items };
  }

  @Get('by-case/:caseId')
  @Roles('center-staff', 'approver', 'admin')
  async byCase(@Param('caseId', new ParseUUIDPipe()) caseId: string, @CurrentPrincipal() principal: Principal) {
    const [n]: NoticeRow[] = await this.dataSource.query(`SELECT ${NOTICE_COLUMNS} FROM ${NOTICE_FROM} WHERE n.case_id = $1`, [caseId]);
    if (!n || !principal.canActInJurisdiction(n.jurisdiction)) {
      const [waiting] = await this.dataSource.query(`SELECT jurisdiction, year FROM ${SCHEMA}.notice_awaiting_calendar WHERE case_id = $1`, [caseId]);
      if (waiting && principal.canActInJurisdiction(waiting.jurisdiction)) {
        throw new NotFoundException(
          `no notice for case ${caseId} yet: it waits for the ${waiting.year} working-day calendar and opens once an administrator loads that year`,
        );
      }
      throw new NotFoundException(`no notice for case ${caseId}`);
    }
    return n;
  }
}
