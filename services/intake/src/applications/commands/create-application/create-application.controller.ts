import { Body, Controller, Headers, HttpCode, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { CreateApplicationRequest } from './create-application.request';
import { CreateApplicationHandler } from './create-application.handler';

/** HTTP adapter for CreateApplicationHandler: translates the request and calls the handler. */
@ApiTags('applications')
@ApiBearerAuth()
@Controller('applications')
export class CreateApplicationController {
  constructor(private readonly handler: CreateApplicationHandler) {}

  @Post()
  @HttpCode(201)
  @Roles('applicant')
  @ApiOperation({ summary: 'Open a draft application (new filing or add-occupation) for the caller’s institution' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a retry with the same key returns the same application' })
  async create(
    @Body() body: CreateApplicationRequest,
    @CurrentPrincipal() principal: Principal,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const outcome = await this.handler.create(body, principal, idempotencyKey);
    if (outcome.replayed) res.setHeader('Idempotent-Replayed', 'true');
    return outcome.result;
  }
}
