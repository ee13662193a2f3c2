import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { PROVINCE_CODE } from '@filing/contracts';
import { NotAllowed } from '@filing/runtime';
import { FilingsRepository } from '../../infrastructure/filings.repository';

/** The provincial department's queue: closed notices waiting for their filing notice (报请下发备案通知). */
@ApiTags('filings')
@ApiBearerAuth()
@Controller('filing-requests')
export class ListFilingRequestsController {
  constructor(private readonly filings: FilingsRepository) {}

  @Get()
  @Roles('approver')
  async list(@CurrentPrincipal() principal: Principal) {
    if (principal.jurisdiction !== PROVINCE_CODE) throw new NotAllowed('the filing queue belongs to the provincial department (approver at 220000)');
    const rows = await this.filings.filingRequests();
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
