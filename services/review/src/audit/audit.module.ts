import { Module } from '@nestjs/common';
import { VerifyAuditController } from './queries/verify-audit/verify-audit.controller';

@Module({ controllers: [VerifyAuditController] })
export class AuditModule {}
