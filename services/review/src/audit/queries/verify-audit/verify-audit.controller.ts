import { Controller, Get } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Roles } from '@filing/auth';
import { reviewInstance } from '../../../infrastructure/review-instance.config';
import { verifyChain } from '../../domain/audit-chain';
import { loadAuditChain } from '../../infrastructure/audit-log.store';

/** Verifies this instance's hash-chained audit log and names the first broken entry. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class VerifyAuditController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get('verify')
  @Roles('admin')
  @ApiOkResponse({ description: '`ok: true` with the entry count and last hash, or `ok: false` naming the first broken entry.' })
  async verify() {
    const entries = await loadAuditChain(this.dataSource, reviewInstance.schema);
    return { schema: reviewInstance.schema, ...verifyChain(entries) };
  }
}
