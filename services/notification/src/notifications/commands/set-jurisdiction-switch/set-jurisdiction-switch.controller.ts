import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { findJurisdiction } from '@filing/contracts';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { Clock, InvalidCommand, NotAllowed } from '@filing/runtime';
import { NotificationRepository } from '../../infrastructure/notification.repository';
import { SetJurisdictionSwitchRequest } from './set-jurisdiction-switch.request';

/**
 * The per-jurisdiction switch: an administrator turns e-mail and SMS off (or on again) for the cases of their
 * jurisdiction (the province's administrator for any). The console inbox is never switched off.
 */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications/jurisdictions')
@Roles('admin')
export class SetJurisdictionSwitchController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notices: NotificationRepository,
    private readonly clock: Clock,
  ) {}

  @Get()
  async list() {
    return { items: await this.notices.switches(this.dataSource.manager) };
  }

  @Put(':code')
  async set(@Param('code') code: string, @Body() body: SetJurisdictionSwitchRequest, @CurrentPrincipal() p: Principal) {
    if (!findJurisdiction(code)) throw new InvalidCommand({ code: 'UNKNOWN_JURISDICTION', message: `未知的行政区划代码：${code}` });
    if (!p.canActInJurisdiction(code)) throw new NotAllowed({ code: 'OTHER_JURISDICTION', message: `无权设置 ${code} 的通知开关` });
    const at = this.clock.now();
    await this.dataSource.transaction((m) => this.notices.setSwitch(m, code, body.externalOn, p.sub, at));
    return { jurisdiction: code, externalOn: body.externalOn, updatedAt: at, updatedBy: p.sub };
  }
}
