import { Body, Controller, Param, ParseUUIDPipe, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { UpdateExpertRequest } from './update-expert.request';
import { UpdateExpertHandler } from './update-expert.handler';

/** HTTP adapter for UpdateExpertHandler: translates the request and calls the handler. */
@ApiTags('experts')
@ApiBearerAuth()
@Controller('experts')
export class UpdateExpertController {
  constructor(private readonly handler: UpdateExpertHandler) {}

  @Patch(':id')
  @Roles('center-staff')
  async update(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: UpdateExpertRequest, @CurrentPrincipal() p: Principal) {
    return this.handler.update(id, body, p);
  }
}
