import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '@filing/auth';
import { AuditLog } from './audit-log.store';

/** Verifies this service's hash-chained audit log and names the first broken entry. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class VerifyAuditController {
  constructor(private readonly audit: AuditLog) {}

  @Get('verify')
  @Roles('admin')
  @ApiOkResponse({ description: '`ok: true` with the entry count and last hash, or `ok: false` naming the first broken entry.' })
  verify() {
    return this.audit.verify();
  }
}
