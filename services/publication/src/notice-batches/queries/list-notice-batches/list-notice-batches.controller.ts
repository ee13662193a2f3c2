import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { PROVINCE_CODE } from '@filing/contracts';
import { NoticeBatchesRepository } from '../../infrastructure/notice-batches.repository';

/** The 公示批次 issued so far, for the same readers as the notices: a city sees its own, the province all. */
@ApiTags('notice batches')
@ApiBearerAuth()
@Controller('notice-batches')
export class ListNoticeBatchesController {
  constructor(private readonly batches: NoticeBatchesRepository) {}

  @Get()
  @Roles('center-staff', 'approver', 'admin')
  async list(@CurrentPrincipal() principal: Principal) {
    return { items: await this.batches.listForStaff(principal.jurisdiction, PROVINCE_CODE) };
  }
}
