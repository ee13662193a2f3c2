import { Module } from '@nestjs/common';
import { AuditModule } from '@filing/audit';
import { AuthModule } from '@filing/auth';
import { MessagingModule } from '@filing/messaging';
import { DatabaseModule, RuntimeModule, ServiceConfigModule } from '@filing/runtime';
import { SCHEMA, serviceDatabase } from './infrastructure/database';
import { ExpertsModule } from './experts/experts.module';
import { DrawsModule } from './draws/draws.module';
import { ExpertPoolConfig, expertPoolConfig } from './infrastructure/expert-pool.config';

@Module({
  imports: [
    RuntimeModule.forService(),
    // The service's settings, read and checked once at start-up, injectable everywhere.
    ServiceConfigModule.of(ExpertPoolConfig, expertPoolConfig),
    AuthModule.forRoot(),
    DatabaseModule.forService(serviceDatabase),
    MessagingModule.forService({ service: 'expert-pool', schema: SCHEMA }),
    AuditModule.forService({ schema: SCHEMA }),
    ExpertsModule,
    DrawsModule,
  ],
})
export class AppModule {}
