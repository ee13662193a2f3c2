import { Body, Controller, Delete, HttpCode, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { LinkAccountRequest } from './link-account.request';
import { LinkAccountHandler } from './link-account.handler';

/** HTTP adapter for LinkAccountHandler: translates the request and calls the handler. */
@ApiTags('experts')
@ApiBearerAuth()
@Controller('experts')
export class LinkAccountController {
  constructor(private readonly handler: LinkAccountHandler) {}

  @Put(':id/account')
  @HttpCode(200)
  @Roles('center-staff')
  @ApiOkResponse({ description: "the expert with `account`; set the account's `expertId` attribute at the identity provider to `claims.expertId`" })
  link(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: LinkAccountRequest, @CurrentPrincipal() p: Principal) {
    return this.handler.link(id, body, p);
  }

  @Delete(':id/account')
  @HttpCode(200)
  @Roles('center-staff')
  unlink(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() p: Principal) {
    return this.handler.unlink(id, p);
  }
}
