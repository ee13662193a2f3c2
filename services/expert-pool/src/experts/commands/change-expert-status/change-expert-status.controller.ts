import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { ChangeExpertStatusRequest } from './change-expert-status.request';
import { ChangeExpertStatusHandler } from './change-expert-status.handler';

/** HTTP adapter for ChangeExpertStatusHandler: translates the request and calls the handler. */
@ApiTags('experts')
@ApiBearerAuth()
@Controller('experts')
export class ChangeExpertStatusController {
  constructor(private readonly handler: ChangeExpertStatusHandler) {}

  @Post(':id/suspend')
  @HttpCode(200)
  @Roles('center-staff')
  suspend(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: ChangeExpertStatusRequest, @CurrentPrincipal() p: Principal) {
    return this.handler.suspend(id, body, p);
  }

  @Post(':id/reinstate')
  @HttpCode(200)
  @Roles('center-staff')
  reinstate(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: ChangeExpertStatusRequest, @CurrentPrincipal() p: Principal) {
    return this.handler.reinstate(id, body, p);
  }

  @Post(':id/remove')
  @HttpCode(200)
  @Roles('center-staff')
  remove(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: ChangeExpertStatusRequest, @CurrentPrincipal() p: Principal) {
    return this.handler.remove(id, body, p);
  }
}
