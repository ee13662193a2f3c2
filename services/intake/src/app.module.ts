import { Module } from '@nestjs/common';
import { AuditModule } from '@filing/audit';
import { AuthModule } from '@filing/auth';
import { MessagingModule } from '@filing/messaging';
import { DatabaseModule, RuntimeModule, ServiceConfigModule } from '@filing/runtime';
import { ApplicationsModule } from './applications/applications.module';
import { INTAKE_SCHEMA, intakeDatabase } from './infrastructure/database';
import { IntakeConfig, intakeConfig } from './infrastructure/intake.config';

@Module({
  imports: [
    RuntimeModule.forService(),
    // The service's settings, read and checked once at start-up, injectable everywhere.
    ServiceConfigModule.of(IntakeConfig, intakeConfig),
    AuthModule.forRoot(),
    DatabaseModule.forService(intakeDatabase),
    MessagingModule.forService({ service: 'intake', schema: INTAKE_SCHEMA }),
    AuditModule.forService({ schema: INTAKE_SCHEMA }),
    ApplicationsModule,
  ],
})
export class AppModule {}
