import { DynamicModule, Global, Module } from '@nestjs/common';
import { AuditLog } from './audit-log.store';
import { AUDIT_OPTIONS, AuditOptions } from './audit.options';
import { VerifyAuditController } from './verify-audit.controller';

/** The service's audit log (`AuditLog`, injectable everywhere) and the admin-only `GET /audit/verify`. */
@Global()
@Module({})
export class AuditModule {
  static forService(options: AuditOptions): DynamicModule {
    return {
      module: AuditModule,
      controllers: [VerifyAuditController],
      providers: [{ provide: AUDIT_OPTIONS, useValue: { ...options } }, AuditLog],
      exports: [AuditLog],
    };
  }
}
