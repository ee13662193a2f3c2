import { Module } from '@nestjs/common';
import { IssueFilingNoticeController } from './commands/issue-filing-notice/issue-filing-notice.controller';
import { GetCoverageController } from './queries/get-coverage/get-coverage.controller';
import { ListFilingRequestsController } from './queries/list-filing-requests/list-filing-requests.controller';
import { SearchRegisterController } from './queries/search-register/search-register.controller';

@Module({ controllers: [IssueFilingNoticeController, ListFilingRequestsController, SearchRegisterController, GetCoverageController] })
export class FilingsModule {}
