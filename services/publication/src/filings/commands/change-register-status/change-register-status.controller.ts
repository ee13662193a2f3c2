import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { CreditCodePipe } from '../../credit-code.pipe';
import { ChangeRegisterStatusHandler } from './change-register-status.handler';
import { ChangeRegisterStatusRequest } from './change-register-status.request';

/** 备案后管理: change of details, suspension, reinstatement, withdrawal, cancellation of a filed institution. */
@ApiTags('register')
@ApiBearerAuth()
@Controller('register')
export class ChangeRegisterStatusController {
  constructor(private readonly handler: ChangeRegisterStatusHandler) {}

  @Post(':creditCode/status-changes')
  @HttpCode(201)
  @Roles('approver')
  change(@Param('creditCode', CreditCodePipe) creditCode: string, @Body() body: ChangeRegisterStatusRequest, @CurrentPrincipal() principal: Principal) {
    return this.handler.change(creditCode, body, principal);
  }
}
