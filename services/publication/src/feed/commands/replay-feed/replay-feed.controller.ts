import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { ReplayFeedHandler } from './replay-feed.handler';
import { ReplayFeedRequest } from './replay-feed.request';

/** Operator endpoint: re-publish the national feed from a sequence number or a date, with the original ids. */
@ApiTags('national feed')
@ApiBearerAuth()
@Controller('national-feed/replays')
export class ReplayFeedController {
  constructor(private readonly handler: ReplayFeedHandler) {}

  @Post()
  @HttpCode(200)
  @Roles('admin')
  replay(@Body() body: ReplayFeedRequest, @CurrentPrincipal() principal: Principal) {
    return this.handler.replay(body, principal);
  }
}
