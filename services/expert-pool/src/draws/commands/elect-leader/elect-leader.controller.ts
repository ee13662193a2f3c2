import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { ElectLeaderHandler } from './elect-leader.handler';
import { CastVoteRequest, DecideLeaderRequest } from './elect-leader.request';

/** HTTP adapter for ElectLeaderHandler: the present members' votes, and the centre's decision after a tied runoff. */
@ApiTags('draws')
@ApiBearerAuth()
@Controller('draws')
export class ElectLeaderController {
  constructor(private readonly handler: ElectLeaderHandler) {}

  @Post(':id/votes')
  @HttpCode(200)
  @Roles('expert')
  vote(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: CastVoteRequest, @CurrentPrincipal() p: Principal) {
    return this.handler.vote(id, body, p);
  }

  @Post(':id/leader-decision')
  @HttpCode(200)
  @Roles('center-staff')
  decide(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: DecideLeaderRequest, @CurrentPrincipal() p: Principal) {
    return this.handler.decide(id, body, p);
  }
}
