import { Controller, Get, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { sendWorkbook } from '../export-cases/workbook';
import { oversightWorkbook } from './oversight.workbook';
import { assertProvinceOversight } from './oversight-access';
import { OversightQuery } from './oversight.query';

/**
 * 省级监管: every city's work in one place, from the province's own read model of the instances' events — cases by
 * city × stage, overdue cases, working days per stage (median, 90th percentile), filings per month — and each
 * instance's last heartbeat, so a city that went silent reads as stale rather than as empty.
 */
@ApiTags('oversight')
@ApiBearerAuth()
@Controller('oversight')
export class GetOversightController {
  constructor(private readonly query: OversightQuery) {}

  @Get()
  @Roles('center-staff', 'approver', 'admin')
  @ApiOkResponse({ description: '`instances` (last heard, stale), `cities` (cases by stage, overdue), `overdueCases`, `stageDurations`, `filingsPerMonth`.' })
  async get(@CurrentPrincipal() p: Principal) {
    assertProvinceOversight(p);
    return this.query.view();
  }

  @Get('export.xlsx')
  @Roles('center-staff', 'approver', 'admin')
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async export(@CurrentPrincipal() p: Principal, @Res() res: Response) {
    assertProvinceOversight(p);
    const view = await this.query.view();
    await sendWorkbook(res, oversightWorkbook(view), 'oversight.xlsx', `省级监管-${view.today}.xlsx`);
  }
}
