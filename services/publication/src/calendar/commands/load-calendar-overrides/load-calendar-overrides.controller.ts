import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { LoadCalendarOverridesHandler } from './load-calendar-overrides.handler';
import { LoadCalendarOverridesRequest } from './load-calendar-overrides.request';

/** An administrator loads a year's holiday arrangement (for a year chinese-days lacks) or corrects single days. */
@ApiTags('calendar')
@ApiBearerAuth()
@Controller('calendar/overrides')
export class LoadCalendarOverridesController {
  constructor(private readonly handler: LoadCalendarOverridesHandler) {}

  @Post()
  @Roles('admin')
  async load(@Body() body: LoadCalendarOverridesRequest, @CurrentPrincipal() principal: Principal) {
    return this.handler.load(body, principal);
  }
}
