import { Module } from '@nestjs/common';
import { AuditModule } from '@filing/audit';
import { AuthModule } from '@filing/auth';
import { MessagingModule } from '@filing/messaging';
import { DatabaseModule, RuntimeModule } from '@filing/runtime';
import { SCHEMA, serviceDatabase } from './infrastructure/database';
import { EvaluationsModule } from './evaluations/evaluations.module';
import { StandardsModule } from './standards/standards.module';

@Module({
  imports: [
    RuntimeModule.forService(),
    AuthModule.forRoot(),
    DatabaseModule.forService(serviceDatabase),
    MessagingModule.forService({ service: 'assessment', schema: SCHEMA }),
    AuditModule.forService({ schema: SCHEMA }),
    StandardsModule,
    EvaluationsModule,
  ],
})
export class AppModule {}
