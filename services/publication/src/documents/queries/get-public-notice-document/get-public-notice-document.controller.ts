import { Controller, Get, NotFoundException, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '@filing/auth';
import { DocumentsService } from '../../documents.service';
import { sendPdf } from '../send-pdf';

/** A notice (公示) as PDF, for posting and filing: public, like the notice's web page. */
@ApiTags('documents')
@Public()
@Controller('public/notices')
export class GetPublicNoticeDocumentController {
  constructor(private readonly documents: DocumentsService) {}

  @Get(':noticeId/notice.pdf')
  @ApiProduces('application/pdf')
  async get(@Param('noticeId', new ParseUUIDPipe()) noticeId: string, @Res() res: Response) {
    const doc = await this.documents.publicNotice(noticeId);
    if (!doc) throw new NotFoundException({ message: `没有编号为 ${noticeId} 的公示`, code: 'NOT_FOUND' });
    sendPdf(res, doc, `public-notice-${noticeId}.pdf`, `公示-${doc.number ?? noticeId}.pdf`);
  }
}
