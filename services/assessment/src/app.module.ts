import { Module } from '@nestjs/common';
import { AuditModule } from '@filing/audit';
import { AuthModule } from '@filing/auth';
import { MessagingModule } from '@filing/messaging';
import { DatabaseModule, RuntimeModule, ServiceConfigModule } from '@filing/runtime';
import { SCHEMA, serviceDatabase } from './infrastructure/database';
import { EvaluationsModule } from './evaluations/evaluations.module';
import { StandardsModule } from './standards/standards.module';
import { AssessmentConfig, assessmentConfig } from './infrastructure/assessment.config';

@Module({
  imports: [
    RuntimeModule.forService(),
    // The service's settings, read and checked once at start-up, injectable everywhere.
    ServiceConfigModule.of(AssessmentConfig, assessmentConfig),
    AuthModule.forRoot(),
    DatabaseModule.forService(serviceDatabase),
    MessagingModule.forService({ service: 'assessment', schema: SCHEMA }),
    AuditModule.forService({ schema: SCHEMA }),
    StandardsModule,
    EvaluationsModule,
  ],
})
export class AppModule {}
