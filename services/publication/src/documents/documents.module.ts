import { Module } from '@nestjs/common';
import { FilingsRepository } from '../filings/infrastructure/filings.repository';
import { RegisterReadModelStore } from '../filings/infrastructure/register-read-model.store';
import { DocumentsService } from './documents.service';
import { DocumentsRepository } from './infrastructure/documents.repository';
import { GetFilingNoticeDocumentController } from './queries/get-filing-notice-document/get-filing-notice-document.controller';
import { GetPublicNoticeDocumentController } from './queries/get-public-notice-document/get-public-notice-document.controller';
import { CounterRepository } from '../infrastructure/counter.repository';

// FilingsRepository is provided here once, for FilingsModule too (which imports this module): its transactions tell
// the one register read model of this instance that the register changed.
@Module({
  controllers: [GetFilingNoticeDocumentController, GetPublicNoticeDocumentController],
  providers: [DocumentsRepository, DocumentsService, FilingsRepository, RegisterReadModelStore, CounterRepository],
  exports: [DocumentsRepository, DocumentsService, FilingsRepository, RegisterReadModelStore],
})
export class DocumentsModule {}
