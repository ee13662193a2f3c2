import { Controller, Get, NotFoundException, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '@filing/auth';
import { DocumentsService } from '../../documents.service';
import { sendPdf } from '../send-pdf';

/** The 备案通知 as PDF (public: the register and the verification page are public; the id is not guessable). */
@ApiTags('documents')
@Public()
@Controller('public/filings')
export class GetFilingNoticeDocumentController {
  constructor(private readonly documents: DocumentsService) {}

  @Get(':filingId/notice.pdf')
  @ApiProduces('application/pdf')
  async get(@Param('filingId', new ParseUUIDPipe()) filingId: string, @Res() res: Response) {
    const doc = await this.documents.filingNotice(filingId);
    if (!doc) throw new NotFoundException({ message: '查无此备案通知', code: 'FILING_NOT_FOUND' });
    sendPdf(res, doc, `filing-notice-${filingId}.pdf`, `备案通知-${doc.number ?? filingId}.pdf`);
  }
}
