import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { Clock } from '@filing/runtime';
import { formatNoticeNumber } from '../filings/domain/filing-notice-number';
import { FilingRecord, FilingsRepository } from '../filings/infrastructure/filings.repository';
import { CounterRepository } from '../infrastructure/counter.repository';
import type { NoticeRow } from '../notices/notice.row';
import { renderPublicNotice } from './public-notice.document';
import { centreContactFor, PUBLICATION_CONFIG, PublicationConfig, verificationUrl } from '../infrastructure/publication.config';
import { renderFilingNotice } from './filing-notice.document';
import { renderNoticeBatch } from './notice-batch.document';
import type { NoticeBatchWithNotices } from '../notice-batches/infrastructure/notice-batches.repository';
import { DocumentsRepository, StoredDocument } from './infrastructure/documents.repository';
import { assertDocumentFonts, sha256 } from './infrastructure/pdf-document';

/**
 * Makes each document once from stored data and keeps its bytes and sha-256. Rendering is deterministic, so a
 * document made again from the same data is byte-identical to the stored one (the tests check it).
 */
@Injectable()
export class DocumentsService implements OnModuleInit {
  private readonly logger = new Logger('Documents');

  constructor(
    private readonly documents: DocumentsRepository,
    private readonly filings: FilingsRepository,
    private readonly counters: CounterRepository,
    private readonly clock: Clock,
    @Inject(PUBLICATION_CONFIG) private readonly config: PublicationConfig,
  ) {}

  /** A missing font is said at start-up (documents would fail); the rest of the service works without it. */
  onModuleInit(): void {
    try {
      assertDocumentFonts();
    } catch (err) {
      this.logger.error((err as Error).message);
    }
  }

  /** The 备案通知 of a filing, made now if it was not yet; undefined when there is no such filing. */
  async filingNotice(filingId: string): Promise<StoredDocument | undefined> {
    const stored = await this.documents.find('filing-notice', filingId);
    if (stored) return stored;
    const filing = await this.filings.findFiling(filingId);
    if (!filing) return undefined;
    const bytes = await this.renderFilingNotice(filing);
    await this.documents.store({
      kind: 'filing-notice',
      subjectId: filingId,
      number: filing.noticeNumber,
      sha256: sha256(bytes),
      bytes,
      generatedAt: this.clock.now(),
    });
    return this.documents.find('filing-notice', filingId);
  }

  /** Renders a filing's 备案通知 from its stored national event. */
  renderFilingNotice(filing: FilingRecord): Promise<Buffer> {
    return renderFilingNotice({ filing: filing.payload, verificationUrl: verificationUrl(this.config, filing.id) });
  }

  /**
   * The 公示 of a notice as PDF. Its number (公示编号) is drawn from the jurisdiction's yearly counter when the document
   * is first made and kept with it, so the document made again is the same file.
   */
  async publicNotice(noticeId: string): Promise<StoredDocument | undefined> {
    const stored = await this.documents.find('public-notice', noticeId);
    if (stored) return stored;
    const notice = await this.documents.notice(noticeId);
    if (!notice) return undefined;
    await this.documents.transaction(async (manager) => {
      // Locked, so two replicas making the first copy at once draw one number, not two.
      if (!(await this.documents.lockNotice(manager, noticeId)) || (await this.documents.find('public-notice', noticeId, false, manager))) return;
      const year = Number(notice.startDate.slice(0, 4));
      const seq = await this.counters.next(manager, `public-notice:${notice.jurisdiction}:${year}`);
      const number = formatNoticeNumber(this.config.publicNoticeNumberTemplate, year, seq);
      const bytes = await this.renderPublicNotice(notice, number);
      await this.documents.store({ kind: 'public-notice', subjectId: noticeId, number, sha256: sha256(bytes), bytes, generatedAt: this.clock.now() }, manager);
    });
    return this.documents.find('public-notice', noticeId);
  }

  renderPublicNotice(notice: NoticeRow, number: string): Promise<Buffer> {
    return renderPublicNotice({
      notice,
      number,
      contact: centreContactFor(this.config, notice.jurisdiction),
      pageUrl: `${this.config.publicConsoleUrl}/notices/${notice.id}`,
    });
  }

  /**
   * The 公示 of a batch as PDF, made on first download from the stored batch (number, date, notices in order) and
   * kept with its sha-256; two replicas making it at once store one (the same bytes either way).
   */
  async noticeBatch(batch: NoticeBatchWithNotices): Promise<StoredDocument> {
    const stored = await this.documents.find('public-notice-batch', batch.id);
    if (stored) return stored;
    const bytes = await this.renderNoticeBatch(batch);
    await this.documents.store({
      kind: 'public-notice-batch',
      subjectId: batch.id,
      number: batch.number,
      sha256: sha256(bytes),
      bytes,
      generatedAt: this.clock.now(),
    });
    return (await this.documents.find('public-notice-batch', batch.id))!;
  }

  renderNoticeBatch(batch: NoticeBatchWithNotices): Promise<Buffer> {
    return renderNoticeBatch({
      number: batch.number,
      issueDate: batch.issueDate,
      notices: batch.notices,
      contact: centreContactFor(this.config, batch.jurisdiction),
      pageUrl: noticeBatchPageUrl(this.config, batch.id),
    });
  }
}

/** The batch's public web page (the console's, beside its /notices/:id pages). */
export function noticeBatchPageUrl(config: PublicationConfig, batchId: string): string {
  return `${config.publicConsoleUrl}/notice-batches/${batchId}`;
}
