import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditLog } from '@filing/audit';
import { Events } from '@filing/contracts';
import { OutboxWriter } from '@filing/messaging';
import { Clock, IllegalStep, LimitReached, NotFound } from '@filing/runtime';
import { PUBLICATION_CONFIG, PublicationConfig } from '../../../infrastructure/publication.config';
import { windowPhase } from '../../../notices/domain/notice-window';
import { NoticesRepository } from '../../../notices/infrastructure/notices.repository';
import { newReceiptNumber } from '../../domain/receipt-number';
import { ObjectionsRepository } from '../../infrastructure/objections.repository';
import { ObjectorNotifications } from '../../infrastructure/objector-notifications';
import { LodgeObjectionRequest } from './lodge-objection.request';

/**
 * 提出异议: anyone may object, by real name, while a notice runs (its window, China time). At most
 * OBJECTION_MAX_PER_NOTICE online objections per notice; the objection, its event, the notices to the objector (receipt)
 * and to the centre staff, and the audit entry in one transaction, under the notice's lock (ordered against the scheduler closing it).
 */
@Injectable()
export class LodgeObjectionHandler {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notices: NoticesRepository,
    private readonly objections: ObjectionsRepository,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
    private readonly objectors: ObjectorNotifications,
    @Inject(PUBLICATION_CONFIG) private readonly config: PublicationConfig,
  ) {}

  async lodge(noticeId: string, body: LodgeObjectionRequest, clientIp: string) {
    const today = this.clock.today();
    const receivedAt = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const notice = await this.notices.lockNotice(manager, noticeId);
      if (!notice) throw new NotFound(`notice ${noticeId} not found`);
      const phase = windowPhase(today, notice.startDate, notice.endDate);
      if (notice.status !== 'open' || phase !== 'running') {
        const when = phase === 'not-started' ? 'has not started yet' : 'has ended';
        throw new IllegalStep(
          `the notice period for ${notice.institution.name} runs from ${notice.startDate} to ${notice.endDate} (China time) and ${when}; objections are accepted only inside it`,
        );
      }
      if ((await this.objections.countOnNotice(manager, noticeId)) >= this.config.objectionMaxPerNotice) {
        throw new LimitReached({
          error: 'Too Many Requests',
          message: `this notice has reached its limit of ${this.config.objectionMaxPerNotice} online objections; please contact the centre in writing`,
        });
      }
      const objectionId = randomUUID();
      const receiptNumber = newReceiptNumber(today);
      await this.objections.insert(manager, {
        id: objectionId,
        noticeId,
        receiptNumber,
        name: body.name,
        idNumber: body.idNumber,
        phone: body.phone,
        email: body.email ?? null,
        address: body.address ?? null,
        reason: body.reason,
        evidence: body.evidence ?? null,
        clientIp,
        receivedAt,
      });
      await this.outbox.add(manager, Events.objectionReceived, {
        caseId: notice.caseId,
        jurisdiction: notice.jurisdiction,
        noticeId,
        objectionId,
        receiptNumber,
        receivedAt: receivedAt.toISOString(),
      });
      await this.objectors.tell(
        manager,
        { objectionId, receiptNumber, name: body.name, phone: body.phone, email: body.email ?? null },
        { caseId: notice.caseId, jurisdiction: notice.jurisdiction, institution: notice.institution.name },
        'objection-received',
        'received',
        receivedAt,
        { receivedAt: receivedAt.toISOString() },
      );
      await this.objectors.tellCentre(
        manager,
        { objectionId, receiptNumber, receivedAt },
        { caseId: notice.caseId, jurisdiction: notice.jurisdiction, institution: notice.institution.name },
      );
      // The objector is a member of the public: the chain names the receipt, not their identity documents.
      await this.audit.append(manager, {
        caseId: notice.caseId,
        jurisdiction: notice.jurisdiction,
        action: 'objection-lodged',
        toStage: 'open',
        actor: { subject: `objection:${receiptNumber}`, role: 'public', jurisdiction: null },
        at: receivedAt.toISOString(),
        reason: body.reason,
        details: { noticeId, objectionId, receiptNumber },
      });
      return { receiptNumber, objectionId, noticeId, receivedAt: receivedAt.toISOString() };
    });
  }
}
