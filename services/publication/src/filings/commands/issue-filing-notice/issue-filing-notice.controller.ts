import { ConflictException, Controller, ForbiddenException, HttpCode, Inject, NotFoundException, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditLog, principalActor } from '@filing/audit';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { Events, FilingIssued, findJurisdiction, PROVINCE_CODE } from '@filing/contracts';
import { OutboxWriter } from '@filing/messaging';
import { Clock } from '@filing/runtime';
import { SCHEMA } from '../../../infrastructure/database';
import { PUBLICATION_CONFIG, PublicationConfig } from '../../../infrastructure/publication.config';
import { NOTICE_COLUMNS, NOTICE_FROM, NoticeRow } from '../../../notices/notice.row';
import { formatNoticeNumber } from '../../domain/filing-notice-number';
import { mergeOccupations } from '../../domain/register-occupations';

/**
 * The provincial HRSS department issues the filing notice (下发备案通知) for province and city cases alike. The
 * notice number and the national feed sequence come from counter rows incremented in this transaction: concurrent
 * issues queue on the row lock, and a failed issue rolls its numbers back, so both stay gapless and unique.
 */
@ApiTags('filings')
@ApiBearerAuth()
@Controller('filing-requests')
export class IssueFilingNoticeController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
    @Inject(PUBLICATION_CONFIG) private readonly config: PublicationConfig,
  ) {}

  @Post(':noticeId/issue')
  @HttpCode(201)
  @Roles('approver')
  async issue(@Param('noticeId', new ParseUUIDPipe()) noticeId: string, @CurrentPrincipal() principal: Principal) {
    if (principal.jurisdiction !== PROVINCE_CODE) throw new ForbiddenException('filing notices are issued by the provincial department (approver at 220000)');
    return this.dataSource.transaction(async (manager) => {
      const [notice]: NoticeRow[] = await manager.query(`SELECT ${NOTICE_COLUMNS} FROM ${NOTICE_FROM} WHERE n.id = $1 FOR UPDATE`, [noticeId]);
      if (!notice) throw new NotFoundException(`notice ${noticeId} not found`);
      if (notice.status !== 'closed') {
        throw new ConflictException(
          notice.status === 'open'
            ? `the notice for ${notice.institution.name} runs until ${notice.endDate}; the filing notice waits for it to end`
            : `the filing notice for ${notice.institution.name} is held: an objection is still open`,
        );
      }
      if (notice.filingStatus === 'issued') throw new ConflictException(`the filing notice for ${notice.institution.name} was already issued`);
      if (notice.filingStatus !== 'requested') throw new ConflictException(`the notice for ${notice.institution.name} ended with ${notice.outcome}: no filing`);

      const noticeDate = this.clock.today();
      const year = Number(noticeDate.slice(0, 4));
      const seq = await this.next(manager, `filing-notice:${year}`);
      const sequence = await this.next(manager, 'national-feed');
      const noticeNumber = formatNoticeNumber(this.config.noticeNumberTemplate, year, seq);
      // 备案编号: kept from the institution's first filing; a new institution gets the next one of the year.
      const [entry] = await manager.query(
        `SELECT occupations, filings, filing_number AS "filingNumber" FROM ${SCHEMA}.register_entry WHERE credit_code = $1 FOR UPDATE`,
        [notice.institution.creditCode],
      );
      const filingNumber: string =
        entry?.filingNumber ??
        notice.existingFilingNumber ??
        formatNoticeNumber(this.config.filingNumberTemplate, year, await this.next(manager, `filing-number:${year}`));
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
          contact: { person: inst.contact.person, phone: inst.contact.phone, ...(inst.contact.email ? { email: inst.contact.email } : {}), address: inst.address },
        },
        occupations,
        status: 'valid',
        issuedAt: issuedAt.toISOString(),
      };
      // The national contract's stable id: ce_id = filingId, now and on every replay.
      await this.outbox.add(manager, Events.filingIssued, payload, { id: filingId });
      const [published] = await manager.query(`SELECT headers, payload FROM ${SCHEMA}.outbox WHERE id = $1`, [filingId]);
      const issuedBy = { subject: principal.sub, role: 'approver', jurisdiction: principal.jurisdiction, ...(principal.name ? { name: principal.name } : {}) };
      await manager.query(
        `INSERT INTO ${SCHEMA}.filing (id, case_id, notice_id, notice_year, notice_seq, notice_number, notice_date, feed_sequence, issued_by, issued_at, event_headers, event_payload, filing_number)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
        [filingId, notice.caseId, noticeId, year, seq, noticeNumber, noticeDate, sequence, JSON.stringify(issuedBy), issuedAt, JSON.stringify(published.headers), JSON.stringify(published.payload), filingNumber],
      );
      await manager.query(`UPDATE ${SCHEMA}.notice SET filing_status = 'issued' WHERE id = $1`, [noticeId]);
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
        await manager.query(
          `UPDATE ${SCHEMA}.register_entry SET occupations = $2, filings = $3, name = $4, contact = $5, status = 'valid', updated_at = $6,
             filing_number = coalesce(filing_number, $7) WHERE credit_code = $1`,
          [inst.creditCode, JSON.stringify(mergeOccupations(entry.occupations, occupations)), JSON.stringify([...entry.filings, filingRef]), inst.name, JSON.stringify(payload.institution.contact), issuedAt, filingNumber],
        );
      } else {
        await manager.query(
          `INSERT INTO ${SCHEMA}.register_entry (credit_code, name, kind, jurisdiction, jurisdiction_name, scope, contact, occupations, filings, notice_number, notice_date, status, first_filed_at, updated_at, filing_number)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'valid', $12, $12, $13)`,
          [
            inst.creditCode,
            inst.name,
            inst.kind,
            notice.jurisdiction,
            payload.institution.jurisdictionName,
            payload.institution.scope,
            JSON.stringify(payload.institution.contact),
            JSON.stringify(mergeOccupations([], occupations)),
            JSON.stringify([filingRef]),
            noticeNumber,
            noticeDate,
            issuedAt,
            filingNumber,
          ],
        );
      }
      return { filingId, noticeNumber, noticeDate, filingNumber, sequence, caseId: notice.caseId };
    });
  }

  private async next(manager: import('typeorm').EntityManager, name: string): Promise<number> {
    const [{ value }] = await manager.query(
      `INSERT INTO ${SCHEMA}.counter (name, value) VALUES ($1, 1) ON CONFLICT (name) DO UPDATE SET value = ${SCHEMA}.counter.value + 1 RETURNING value`,
      [name],
    );
    return Number(value);
  }
}
