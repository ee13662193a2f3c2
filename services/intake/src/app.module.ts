import { Module } from '@nestjs/common';
import { AuthModule } from '@filing/auth';
import { MessagingModule } from '@filing/messaging';
import { DatabaseModule, RuntimeModule } from '@filing/runtime';
import { ApplicationsModule } from './applications/applications.module';
import { INTAKE_SCHEMA, intakeDatabase } from './infrastructure/database';

@Module({
  imports: [
    RuntimeModule.forService(),
    AuthModule.forRoot(),
    DatabaseModule.forService(intakeDatabase),
    MessagingModule.forService({ service: 'intake', schema: INTAKE_SCHEMA }),
    ApplicationsModule,
  ],
})
export class AppModule {}
