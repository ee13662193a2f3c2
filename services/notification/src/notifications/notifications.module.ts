import { Module } from '@nestjs/common';
import { AcceptRequestHandler } from './commands/accept-request/accept-request.handler';
import { AcceptRequestMessageController } from './commands/accept-request/accept-request.message-controller';
import { MarkReadController } from './commands/mark-read/mark-read.controller';
import { MarkReadHandler } from './commands/mark-read/mark-read.handler';
import { SetJurisdictionSwitchController } from './commands/set-jurisdiction-switch/set-jurisdiction-switch.controller';
import { SetJurisdictionSwitchHandler } from './commands/set-jurisdiction-switch/set-jurisdiction-switch.handler';
import { SetPreferencesController } from './commands/set-preferences/set-preferences.controller';
import { SetPreferencesHandler } from './commands/set-preferences/set-preferences.handler';
import { DeliveryWorker } from './delivery/delivery.worker';
import { EmailChannel } from './delivery/email.channel';
import { SmsChannel } from './delivery/sms.channel';
import { NotificationRepository } from './infrastructure/notification.repository';
import { ListDeliveriesController } from './queries/list-deliveries/list-deliveries.controller';
import { ListMineController } from './queries/list-mine/list-mine.controller';

@Module({
  controllers: [
    AcceptRequestMessageController,
    ListMineController,
    // `notifications/mine/read` before `notifications/:id/read`; the fixed paths before `:id`.
    MarkReadController,
    SetPreferencesController,
    SetJurisdictionSwitchController,
    ListDeliveriesController,
  ],
  providers: [
    NotificationRepository,
    AcceptRequestHandler,
    MarkReadHandler,
    SetPreferencesHandler,
    SetJurisdictionSwitchHandler,
    EmailChannel,
    SmsChannel,
    DeliveryWorker,
  ],
})
export class NotificationsModule {}
