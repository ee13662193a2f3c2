import { Module } from '@nestjs/common';
import { AuthModule } from '@filing/auth';
import { MessagingModule } from '@filing/messaging';
import { DatabaseModule, RuntimeModule, ServiceConfigModule } from '@filing/runtime';
import { SCHEMA, serviceDatabase } from './infrastructure/database';
import { NotificationConfig, notificationConfig } from './infrastructure/notification.config';
import { NotificationsModule } from './notifications/notifications.module';

@Module({
  imports: [
    RuntimeModule.forService(),
    ServiceConfigModule.of(NotificationConfig, notificationConfig),
    AuthModule.forRoot(),
    DatabaseModule.forService(serviceDatabase),
    MessagingModule.forService({ service: 'notification', schema: SCHEMA }),
    NotificationsModule,
  ],
})
export class AppModule {}
