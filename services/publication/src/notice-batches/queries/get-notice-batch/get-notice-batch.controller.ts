import { Controller, Get, Inject, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '@filing/auth';
import { Clock, NotFound } from '@filing/runtime';
import { DocumentsService } from '../../../documents/documents.service';
import { sendPdf } from '../../../documents/queries/send-pdf';
import { PUBLICATION_CONFIG, PublicationConfig } from '../../../infrastructure/publication.config';
import { NoticeBatchesRepository } from '../../infrastructure/notice-batches.repository';
import { noticeBatchView } from './notice-batch.view';

const notFound = (id: string) => new NotFound({ message: `没有编号为 ${id} 的公示批次`, code: 'NOTICE_BATCH_NOT_FOUND' });

/** A 公示批次, public like every notice: as data for the web page, and as the PDF to post and file. */
@ApiTags('notice batches')
@Public()
@Controller('public/notice-batches')
export class GetNoticeBatchController {
  constructor(
    private readonly batches: NoticeBatchesRepository,
    private readonly documents: DocumentsService,
    private readonly clock: Clock,
    @Inject(PUBLICATION_CONFIG) private readonly config: PublicationConfig,
  ) {}

  // Declared before ':id', which would otherwise take "<id>.pdf" whole.
  @Get(':id.pdf')
  @ApiProduces('application/pdf')
  async pdf(@Param('id', new ParseUUIDPipe()) id: string, @Res() res: Response) {
    const batch = await this.batches.find(id);
    if (!batch) throw notFound(id);
    const doc = await this.documents.noticeBatch(batch);
    sendPdf(res, doc, `public-notice-batch-${id}.pdf`, `公示-${doc.number ?? id}.pdf`);
  }

  @Get(':id')
  async get(@Param('id', new ParseUUIDPipe()) id: string) {
    const batch = await this.batches.find(id);
    if (!batch) throw notFound(id);
    return noticeBatchView(batch, this.config, this.clock.today());
  }
}
