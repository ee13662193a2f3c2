import { Module } from '@nestjs/common';
import { AuthModule } from '@filing/auth';
import { MessagingModule } from '@filing/messaging';
import { DatabaseModule, RuntimeModule } from '@filing/runtime';
import { SCHEMA, serviceDatabase } from './infrastructure/database';

@Module({
  imports: [
    RuntimeModule.forService(),
    AuthModule.forRoot(),
    DatabaseModule.forService(serviceDatabase),
    MessagingModule.forService({ service: 'publication', schema: SCHEMA }),
  ],
})
export class AppModule {}
