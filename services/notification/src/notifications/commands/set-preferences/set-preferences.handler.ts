import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Principal } from '@filing/auth';
import { Clock } from '@filing/runtime';
import { ExternalChannel, EXTERNAL_CHANNELS } from '../../domain/channels';
import { preferenceIdOf } from '../../domain/recipients';
import { NotificationRepository } from '../../infrastructure/notification.repository';

/** Which channels besides the inbox a person is told on; unset = every channel they have an address for. */
@Injectable()
export class SetPreferencesHandler {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notices: NotificationRepository,
    private readonly clock: Clock,
  ) {}

  async get(p: Principal) {
    const recipientId = preferenceIdOf(p);
    const channels = await this.notices.preferenceOf(this.dataSource.manager, recipientId);
    return { recipientId, channels: channels ?? [...EXTERNAL_CHANNELS], inbox: true, chosen: channels !== undefined };
  }

  async set(p: Principal, channels: ExternalChannel[]) {
    const recipientId = preferenceIdOf(p);
    await this.dataSource.transaction((m) => this.notices.setPreference(m, recipientId, channels, p.sub, this.clock.now()));
    return { recipientId, channels, inbox: true, chosen: true };
  }
}
