import { Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { IssueFilingNoticeHandler } from './issue-filing-notice.handler';

/** 下发备案通知: the provincial department's approver issues the filing notice of a notice that closed without a bar. */
@ApiTags('filings')
@ApiBearerAuth()
@Controller('filing-requests')
export class IssueFilingNoticeController {
  constructor(private readonly handler: IssueFilingNoticeHandler) {}

  @Post(':noticeId/issue')
  @HttpCode(201)
  @Roles('approver')
  issue(@Param('noticeId', new ParseUUIDPipe()) noticeId: string, @CurrentPrincipal() principal: Principal) {
    return this.handler.issue(noticeId, principal);
  }
}
