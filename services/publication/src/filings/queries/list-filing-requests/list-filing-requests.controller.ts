import { Controller, ForbiddenException, Get } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { PROVINCE_CODE } from '@filing/contracts';
import { NOTICE_COLUMNS, NOTICE_FROM, NoticeRow } from '../../../notices/notice.row';

/** The provincial department's queue: closed notices waiting for their filing notice (报请下发备案通知). */
@ApiTags('filings')
@ApiBearerAuth()
@Controller('filing-requests')
export class ListFilingRequestsController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  @Roles('approver')
  async list(@CurrentPrincipal() principal: Principal) {
    if (principal.jurisdiction !== PROVINCE_CODE) throw new ForbiddenException('the filing queue belongs to the provincial department (approver at 220000)');
    const rows: NoticeRow[] = await this.dataSource.query(
      `SELECT ${NOTICE_COLUMNS} FROM ${NOTICE_FROM} WHERE n.filing_status = 'requested' ORDER BY n.closed_at`,
    );
    return {
      items: rows.map((n) => ({
        noticeId: n.id,
        caseId: n.caseId,
        jurisdiction: n.jurisdiction,
        applicationKind: n.applicationKind,
        institution: n.institution,
        occupations: n.remainingOccupations ?? n.occupations,
        outcome: n.outcome,
        closedAt: n.closedAt,
      })),
    };
  }
}
