import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { CreateExpertRequest } from './create-expert.request';
import { CreateExpertHandler } from './create-expert.handler';

/** HTTP adapter for CreateExpertHandler: translates the request and calls the handler. */
@ApiTags('experts')
@ApiBearerAuth()
@Controller('experts')
export class CreateExpertController {
  constructor(private readonly handler: CreateExpertHandler) {}

  @Post()
  @HttpCode(201)
  @Roles('center-staff')
  async create(@Body() body: CreateExpertRequest, @CurrentPrincipal() p: Principal) {
    return this.handler.create(body, p);
  }
}
