import { Controller, Get, NotFoundException, Param } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Public } from '@filing/auth';
import { SCHEMA } from '../../../infrastructure/database';

/** An objector follows their objection by its receipt number (not guessable); no personal data is returned. */
@ApiTags('public notices')
@Public()
@Controller('public/objections')
export class GetObjectionStatusController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get(':receiptNumber')
  async get(@Param('receiptNumber') receiptNumber: string) {
    const [o] = await this.dataSource.query(
      `SELECT o.receipt_number AS "receiptNumber", o.status, o.received_at AS "receivedAt", o.resolved_at AS "resolvedAt",
              o.resolution_reason AS "resolutionReason", n.id AS "noticeId", n.institution->>'name' AS institution
         FROM ${SCHEMA}.objection o JOIN ${SCHEMA}.notice n ON n.id = o.notice_id WHERE o.receipt_number = $1`,
      [receiptNumber],
    );
    if (!o) throw new NotFoundException(`no objection with receipt ${receiptNumber}`);
    return o;
  }
}
