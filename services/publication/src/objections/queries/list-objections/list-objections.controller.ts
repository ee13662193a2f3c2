import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { CurrentPrincipal, maskIdNumber, maskPhone, Principal, Roles } from '@filing/auth';
import { NotFound } from '@filing/runtime';
import { ObjectionsRepository } from '../../infrastructure/objections.repository';

/** Objections on one notice, for the centre handling them. ID numbers and phones are masked (architecture §7). */
@ApiTags('objections')
@ApiBearerAuth()
@Controller('notices')
export class ListObjectionsController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly objections: ObjectionsRepository,
  ) {}

  @Get(':id/objections')
  @Roles('center-staff', 'approver')
  async list(@Param('id', new ParseUUIDPipe()) noticeId: string, @CurrentPrincipal() principal: Principal) {
    const notice = await this.objections.noticeSummary(this.dataSource.manager, noticeId);
    if (!notice || !principal.canActInJurisdiction(notice.jurisdiction)) throw new NotFound(`notice ${noticeId} not found`);
    const rows = await this.objections.onNotice(this.dataSource.manager, noticeId);
    return {
      items: rows.map((o) => ({ ...o, objectorIdNumber: maskIdNumber(o.objectorIdNumber), objectorPhone: maskPhone(o.objectorPhone) })),
    };
  }
}
