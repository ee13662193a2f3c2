import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AuditLog, principalActor } from '@filing/audit';
import { Principal } from '@filing/auth';
import { Events, FilingIssued, findJurisdiction, PROVINCE_CODE } from '@filing/contracts';
import { OutboxWriter } from '@filing/messaging';
import { Clock, IllegalStep, NotAllowed, NotFound } from '@filing/runtime';
import { DocumentsService } from '../../../documents/documents.service';
import { PUBLICATION_CONFIG, PublicationConfig } from '../../../infrastructure/publication.config';
import { formatNoticeNumber } from '../../domain/filing-notice-number';
import { mergeOccupations } from '../../domain/register-occupations';
import { FilingsRepository } from '../../infrastructure/filings.repository';
import { CounterRepository } from '../../../infrastructure/counter.repository';

export interface FilingNoticeIssued {
  filingId: string;
  noticeNumber: string;
  noticeDate: string;
  filingNumber: string;
  sequence: number;
  caseId: string;
  document?: { sha256: string; size: number; url: string };
}

/**
 * The provincial HRSS department issues the filing notice (下发备案通知) for province and city cases alike. The
 * notice number and the national feed sequence come from counter rows incremented in this transaction: concurrent
 * issues queue on the row lock, and a failed issue rolls its numbers back, so both stay gapless and unique. The PDF
 * is made after the commit (it takes a second of CPU, not to be spent holding the counters' locks); it is
 * deterministic, so one made later on first download is the same file.
 */
@Injectable()
export class IssueFilingNoticeHandler {
  private readonly logger = new Logger('IssueFilingNotice');

  constructor(
    private readonly filings: FilingsRepository,
    private readonly counters: CounterRepository,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
    private readonly documents: DocumentsService,
    @Inject(PUBLICATION_CONFIG) private readonly config: PublicationConfig,
  ) {}

  async issue(noticeId: string, principal: Principal): Promise<FilingNoticeIssued> {
    if (principal.jurisdiction !== PROVINCE_CODE) throw new NotAllowed('filing notices are issued by the provincial department (approver at 220000)');
    const issued = await this.filings.transaction(async (manager) => {
      const notice = await this.filings.lockNotice(manager, noticeId);
      if (!notice) throw new NotFound(`notice ${noticeId} not found`);
      if (notice.status !== 'closed') {
        throw new IllegalStep(
          notice.status === 'open'
            ? `the notice for ${notice.institution.name} runs until ${notice.endDate}; the filing notice waits for it to end`
            : `the filing notice for ${notice.institution.name} is held: an objection is still open`,
        );
      }
      if (notice.filingStatus === 'issued') throw new IllegalStep(`the filing notice for ${notice.institution.name} was already issued`);
      if (notice.filingStatus !== 'requested') throw new IllegalStep(`the notice for ${notice.institution.name} ended with ${notice.outcome}: no filing`);

      const noticeDate = this.clock.today();
      const year = Number(noticeDate.slice(0, 4));
      const seq = await this.counters.next(manager, `filing-notice:${year}`);
      const sequence = await this.counters.next(manager, 'national-feed');
      const noticeNumber = formatNoticeNumber(this.config.noticeNumberTemplate, year, seq);
      // 备案编号: kept from the institution's first filing; a new institution gets the next one of the year.
      const entry = await this.filings.lockEntry(manager, notice.institution.creditCode);
      const filingNumber: string =
        entry?.filingNumber ??
        notice.existingFilingNumber ??
        formatNoticeNumber(this.config.filingNumberTemplate, year, await this.counters.next(manager, `filing-number:${year}`));
      const filingId = randomUUID();
      const issuedAt = this.clock.now();
      const inst = notice.institution;
      const occupations = notice.remainingOccupations ?? notice.occupations;
      const payload: FilingIssued = {
        filingId,
        sequence,
        caseId: notice.caseId,
        applicationKind: notice.applicationKind,
        noticeNumber,
        noticeDate,
        filingNumber,
        issuingAuthority: this.config.issuingAuthority,
        institution: {
          name: inst.name,
          creditCode: inst.creditCode,
          kind: inst.kind,
          province: PROVINCE_CODE,
          jurisdiction: notice.jurisdiction,
          jurisdictionName: findJurisdiction(notice.jurisdiction)?.name ?? notice.jurisdiction,
          scope: inst.kind === 'employer' ? 'own-employees' : 'public',
          contact: {
            person: inst.contact.person,
            phone: inst.contact.phone,
            ...(inst.contact.email ? { email: inst.contact.email } : {}),
            address: inst.address,
          },
        },
        occupations,
        status: 'valid',
        issuedAt: issuedAt.toISOString(),
      };
      // The national contract's stable id: ce_id = filingId, now and on every replay.
      await this.outbox.add(manager, Events.filingIssued, payload, { id: filingId });
      const stored = await this.filings.storedEvent(manager, filingId);
      const issuedBy = { subject: principal.sub, role: 'approver', jurisdiction: principal.jurisdiction, ...(principal.name ? { name: principal.name } : {}) };
      await this.filings.insertFiling(manager, {
        id: filingId,
        caseId: notice.caseId,
        noticeId,
        year,
        seq,
        noticeNumber,
        noticeDate,
        sequence,
        issuedBy,
        issuedAt,
        stored,
        filingNumber,
      });
      await this.filings.markNoticeIssued(manager, noticeId);
      await this.audit.append(manager, {
        caseId: notice.caseId,
        jurisdiction: notice.jurisdiction,
        action: 'filing-notice-issued',
        fromStage: 'requested',
        toStage: 'issued',
        actor: principalActor(principal, 'approver'),
        at: issuedAt.toISOString(),
        details: { noticeId, filingId, noticeNumber, noticeDate, filingNumber, feedSequence: sequence, occupations: occupations.map((o) => o.code) },
      });

      // The register (备案名录): a new entry, or an add-occupation case extending the existing one.
      const filingRef = { filingId, noticeNumber, noticeDate, applicationKind: notice.applicationKind, occupations: occupations.map((o) => o.code) };
      if (entry) {
        await this.filings.extendEntry(manager, {
          creditCode: inst.creditCode,
          occupations: mergeOccupations(entry.occupations, occupations),
          filings: [...entry.filings, filingRef],
          name: inst.name,
          contact: payload.institution.contact,
          at: issuedAt,
          filingNumber,
          newFiling: notice.applicationKind === 'new-filing',
        });
      } else {
        await this.filings.insertEntry(manager, {
          creditCode: inst.creditCode,
          name: inst.name,
          kind: inst.kind,
          jurisdiction: notice.jurisdiction,
          jurisdictionName: payload.institution.jurisdictionName,
          scope: payload.institution.scope,
          contact: payload.institution.contact,
          address: inst.address,
          occupations: mergeOccupations([], occupations),
          filings: [filingRef],
          noticeNumber,
          noticeDate,
          at: issuedAt,
          filingNumber,
          source: 'platform',
        });
      }
      return { filingId, noticeNumber, noticeDate, filingNumber, sequence, caseId: notice.caseId };
    });
    try {
      const doc = await this.documents.filingNotice(issued.filingId);
      return { ...issued, document: doc && { sha256: doc.sha256, size: doc.size, url: `/public/filings/${issued.filingId}/notice.pdf` } };
    } catch (err) {
      // The filing stands; its document is made on first download instead.
      this.logger.error(`filing ${issued.noticeNumber}: the document could not be made now: ${(err as Error).message}`);
      return issued;
    }
  }
}
