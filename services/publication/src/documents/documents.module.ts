import { Module } from '@nestjs/common';
import { FilingsRepository } from '../filings/infrastructure/filings.repository';
import { DocumentsService } from './documents.service';
import { DocumentsRepository } from './infrastructure/documents.repository';
import { GetFilingNoticeDocumentController } from './queries/get-filing-notice-document/get-filing-notice-document.controller';
import { GetPublicNoticeDocumentController } from './queries/get-public-notice-document/get-public-notice-document.controller';
import { CounterRepository } from '../infrastructure/counter.repository';

@Module({
  controllers: [GetFilingNoticeDocumentController, GetPublicNoticeDocumentController],
  providers: [DocumentsRepository, DocumentsService, FilingsRepository, CounterRepository],
  exports: [DocumentsRepository, DocumentsService],
})
export class DocumentsModule {}
