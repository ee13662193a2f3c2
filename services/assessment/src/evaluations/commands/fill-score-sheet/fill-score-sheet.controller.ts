import { Body, Controller, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { FillScoreSheetHandler } from './fill-score-sheet.handler';
import { FillScoreSheetRequest } from './fill-score-sheet.request';

/** PUT /cases/:caseId/score-sheets/mine saves a member's draft; POST …/submit makes it final. */
@ApiTags('on-site evaluation')
@ApiBearerAuth()
@Controller('cases/:caseId/score-sheets/mine')
export class FillScoreSheetController {
  constructor(private readonly handler: FillScoreSheetHandler) {}

  @Put()
  @Roles('expert')
  async save(@Param('caseId') caseId: string, @Body() body: FillScoreSheetRequest, @CurrentPrincipal() principal: Principal) {
    return this.handler.save(caseId, body, principal);
  }

  @Post('submit')
  @HttpCode(200)
  @Roles('expert')
  async submit(@Param('caseId') caseId: string, @CurrentPrincipal() principal: Principal) {
    return this.handler.submit(caseId, principal);
  }
}
