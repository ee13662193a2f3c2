import {
  Body,
  ConflictException,
  Controller,
  HttpCode,
  HttpException,
  HttpStatus,
  Inject,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Post,
  Req,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditLog } from '@filing/audit';
import { Public } from '@filing/auth';
import { Events } from '@filing/contracts';
import { OutboxWriter } from '@filing/messaging';
import { Clock } from '@filing/runtime';
import { SCHEMA } from '../../../infrastructure/database';
import { PUBLICATION_CONFIG, PublicationConfig } from '../../../infrastructure/publication.config';
import { windowPhase } from '../../../notices/domain/notice-window';
import { NOTICE_COLUMNS, NOTICE_FROM, NoticeRow } from '../../../notices/notice.row';
import { ObjectionRateLimiter } from '../../domain/objection-rate-limiter';
import { newReceiptNumber } from '../../domain/receipt-number';
import { LodgeObjectionRequest } from './lodge-objection.request';

/**
 * Anyone may object (提出异议) while a notice runs, by real name. Abuse limits: OBJECTION_RATE_LIMIT per client
 * address per OBJECTION_RATE_WINDOW_MS (in memory, per replica), OBJECTION_MAX_PER_NOTICE per notice, and a
 * small body limit (ObjectionBodyLimitMiddleware).
 */
@ApiTags('public notices')
@Public()
@Controller('public/notices')
export class LodgeObjectionController {
  private readonly limiter: ObjectionRateLimiter;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
    @Inject(PUBLICATION_CONFIG) private readonly config: PublicationConfig,
  ) {
    this.limiter = new ObjectionRateLimiter(config.objectionRateLimit, config.objectionRateWindowMs);
  }

  @Post(':id/objections')
  @HttpCode(201)
  async lodge(@Param('id', new ParseUUIDPipe()) noticeId: string, @Body() body: LodgeObjectionRequest, @Req() req: Request) {
    const clientIp = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    // Real time, not the procedure clock: this limits request rates.
    if (!this.limiter.tryAcquire(clientIp, Date.now())) {
      throw new HttpException(
        { error: 'Too Many Requests', message: 'too many objections from this address; please try again later or contact the centre' },
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    const today = this.clock.today();
    const receivedAt = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      // The notice row lock orders this against the scheduler closing the notice.
      const [notice]: NoticeRow[] = await manager.query(`SELECT ${NOTICE_COLUMNS} FROM ${NOTICE_FROM} WHERE n.id = $1 FOR UPDATE`, [noticeId]);
      if (!notice) throw new NotFoundException(`notice ${noticeId} not found`);
      const phase = windowPhase(today, notice.startDate, notice.endDate);
      if (notice.status !== 'open' || phase !== 'running') {
        const when = phase === 'not-started' ? 'has not started yet' : 'has ended';
        throw new ConflictException(
          `the notice period for ${notice.institution.name} runs from ${notice.startDate} to ${notice.endDate} (China time) and ${when}; objections are accepted only inside it`,
        );
      }
      const [{ count }] = await manager.query(`SELECT count(*)::int AS count FROM ${SCHEMA}.objection WHERE notice_id = $1`, [noticeId]);
      if (count >= this.config.objectionMaxPerNotice) {
        throw new HttpException(
          {
            error: 'Too Many Requests',
            message: `this notice has reached its limit of ${this.config.objectionMaxPerNotice} online objections; please contact the centre in writing`,
          },
          HttpStatus.TOO_MANY_REQUESTS,
        );
      }
      const objectionId = randomUUID();
      const receiptNumber = newReceiptNumber(today);
      await manager.query(
        `INSERT INTO ${SCHEMA}.objection (id, notice_id, receipt_number, objector_name, objector_id_number, objector_phone, objector_email,
           objector_address, reason, evidence, client_ip, status, received_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'open', $12)`,
        [
          objectionId,
          noticeId,
          receiptNumber,
          body.name,
          body.idNumber,
          body.phone,
          body.email ?? null,
          body.address ?? null,
          body.reason,
          body.evidence ?? null,
          clientIp,
          receivedAt,
        ],
      );
      await this.outbox.add(manager, Events.objectionReceived, {
        caseId: notice.caseId,
        jurisdiction: notice.jurisdiction,
        noticeId,
        objectionId,
        receiptNumber,
        receivedAt: receivedAt.toISOString(),
      });
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
