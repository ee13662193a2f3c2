import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { DataSource } from 'typeorm';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { NotFound } from '@filing/runtime';
import { NoticesRepository } from '../../infrastructure/notices.repository';

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
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notices: NoticesRepository,
  ) {}

  @Get()
  @Roles('center-staff', 'approver', 'admin')
  async list(@Query() query: ListNoticesQuery, @CurrentPrincipal() principal: Principal) {
    return { items: await this.notices.listForStaff(this.dataSource.manager, principal.jurisdiction, query.status ?? null) };
  }

  /** Approved cases whose notice waits for a year of the working-day calendar (it opens once the year is loaded). */
  @Get('awaiting-calendar')
  @Roles('center-staff', 'approver', 'admin')
  async awaitingCalendar(@CurrentPrincipal() principal: Principal) {
    return { items: await this.notices.awaitingCalendarFor(this.dataSource.manager, principal.jurisdiction) };
  }

  @Get('by-case/:caseId')
  @Roles('center-staff', 'approver', 'admin')
  async byCase(@Param('caseId', new ParseUUIDPipe()) caseId: string, @CurrentPrincipal() principal: Principal) {
    const n = await this.notices.byCase(this.dataSource.manager, caseId);
    if (!n || !principal.canActInJurisdiction(n.jurisdiction)) {
      const waiting = await this.notices.awaitingOf(this.dataSource.manager, caseId);
      if (waiting && principal.canActInJurisdiction(waiting.jurisdiction)) {
        throw new NotFound(
          `no notice for case ${caseId} yet: it waits for the ${waiting.year} working-day calendar and opens once an administrator loads that year`,
        );
      }
      throw new NotFound(`no notice for case ${caseId}`);
    }
    return n;
  }
}
