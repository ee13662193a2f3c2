import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module';
import { ChangeRegisterStatusController } from './commands/change-register-status/change-register-status.controller';
import { ChangeRegisterStatusHandler } from './commands/change-register-status/change-register-status.handler';
import { IssueFilingNoticeController } from './commands/issue-filing-notice/issue-filing-notice.controller';
import { IssueFilingNoticeHandler } from './commands/issue-filing-notice/issue-filing-notice.handler';
import { ImportHistoricalRegisterController } from './commands/import-historical-register/import-historical-register.controller';
import { ImportHistoricalRegisterHandler } from './commands/import-historical-register/import-historical-register.handler';
import { RegisterChangesRepository } from './infrastructure/filings.repository';
import { RegisterImportsRepository } from './infrastructure/register-imports.repository';
import { ExportRegisterController } from './queries/export-register/export-register.controller';
import { GetCoverageController } from './queries/get-coverage/get-coverage.controller';
import { ListFilingRequestsController } from './queries/list-filing-requests/list-filing-requests.controller';
import { SearchRegisterController } from './queries/search-register/search-register.controller';
import { VerifyFilingController } from './queries/verify-filing/verify-filing.controller';
import { CounterRepository } from '../infrastructure/counter.repository';

@Module({
  imports: [DocumentsModule],
  controllers: [
    IssueFilingNoticeController,
    ChangeRegisterStatusController,
    ImportHistoricalRegisterController,
    ListFilingRequestsController,
    ExportRegisterController,
    SearchRegisterController,
    GetCoverageController,
    VerifyFilingController,
  ],
  providers: [
    CounterRepository,
    RegisterChangesRepository,
    RegisterImportsRepository,
    IssueFilingNoticeHandler,
    ChangeRegisterStatusHandler,
    ImportHistoricalRegisterHandler,
  ],
})
export class FilingsModule {}
