import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { findJurisdiction } from '@filing/contracts';
import { Principal } from '@filing/auth';
import { Clock, InvalidCommand, NotAllowed } from '@filing/runtime';
import { NotificationRepository } from '../../infrastructure/notification.repository';

/**
 * The per-jurisdiction switch: an administrator turns e-mail and SMS off (or on again) for the cases of their
 * jurisdiction (the province's administrator for any). The console inbox is never switched off.
 */
@Injectable()
export class SetJurisdictionSwitchHandler {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notices: NotificationRepository,
    private readonly clock: Clock,
  ) {}

  async list() {
    return { items: await this.notices.switches(this.dataSource.manager) };
  }

  async set(code: string, externalOn: boolean, p: Principal) {
    if (!findJurisdiction(code)) throw new InvalidCommand({ code: 'UNKNOWN_JURISDICTION', message: `未知的行政区划代码：${code}` });
    if (!p.canActInJurisdiction(code)) throw new NotAllowed({ code: 'OTHER_JURISDICTION', message: `无权设置 ${code} 的通知开关` });
    const at = this.clock.now();
    await this.dataSource.transaction((m) => this.notices.setSwitch(m, code, externalOn, p.sub, at));
    return { jurisdiction: code, externalOn, updatedAt: at, updatedBy: p.sub };
  }
}
