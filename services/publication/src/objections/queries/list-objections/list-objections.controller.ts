import { Controller, Get, NotFoundException, Param, ParseUUIDPipe } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { CurrentPrincipal, maskIdNumber, maskPhone, Principal, Roles } from '@filing/auth';
import { SCHEMA } from '../../../infrastructure/database';
import { OBJECTION_COLUMNS, OBJECTION_FROM, ObjectionRow } from '../../objection.row';

/** Objections on one notice, for the centre handling them. ID numbers and phones are masked (architecture §7). */
@ApiTags('objections')
@ApiBearerAuth()
@Controller('notices')
export class ListObjectionsController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get(':id/objections')
  @Roles('center-staff', 'approver')
  async list(@Param('id', new ParseUUIDPipe()) noticeId: string, @CurrentPrincipal() principal: Principal) {
    const [notice] = await this.dataSource.query(`SELECT jurisdiction FROM ${SCHEMA}.notice WHERE id = $1`, [noticeId]);
    if (!notice || !principal.canActInJurisdiction(notice.jurisdiction)) throw new NotFoundException(`notice ${noticeId} not found`);
    const rows: ObjectionRow[] = await this.dataSource.query(
      `SELECT ${OBJECTION_COLUMNS} FROM ${OBJECTION_FROM} WHERE o.notice_id = $1 ORDER BY o.received_at`,
      [noticeId],
    );
    return {
      items: rows.map((o) => ({ ...o, objectorIdNumber: maskIdNumber(o.objectorIdNumber), objectorPhone: maskPhone(o.objectorPhone) })),
    };
  }
}
