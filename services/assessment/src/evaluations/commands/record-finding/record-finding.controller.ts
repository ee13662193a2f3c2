import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { RecordFindingHandler } from './record-finding.handler';
import { RecordFindingRequest } from './record-finding.request';

/** POST /cases/:caseId/findings: a member's finding on the materials, for the handler. */
@ApiTags('preliminary review')
@ApiBearerAuth()
@Controller('cases/:caseId/findings')
export class RecordFindingController {
  constructor(private readonly handler: RecordFindingHandler) {}

  @Post()
  @HttpCode(201)
  @Roles('expert')
  async record(@Param('caseId') caseId: string, @Body() body: RecordFindingRequest, @CurrentPrincipal() principal: Principal) {
    return this.handler.execute({ caseId, text: body.text, subItemId: body.subItemId, materialRef: body.materialRef, material: body.material }, principal);
  }
}
