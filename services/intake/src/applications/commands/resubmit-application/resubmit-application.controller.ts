import { Body, Controller, Headers, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { ResubmitApplicationRequest } from './resubmit-application.request';
import { ResubmitApplicationHandler } from './resubmit-application.handler';

/** HTTP adapter for ResubmitApplicationHandler: translates the request and calls the handler. */
@ApiTags('applications')
@ApiBearerAuth()
@Controller('applications')
export class ResubmitApplicationController {
  constructor(private readonly handler: ResubmitApplicationHandler) {}

  @Post(':id/resubmit')
  @HttpCode(200)
  @Roles('applicant')
  @ApiOperation({ summary: 'Resubmit a returned application with new material versions' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a retry with the same key returns the first answer' })
  async resubmit(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: ResubmitApplicationRequest,
    @CurrentPrincipal() principal: Principal,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.handler.resubmit(id, body, principal, idempotencyKey, res);
  }
}
