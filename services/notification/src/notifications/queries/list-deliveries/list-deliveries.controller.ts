import { Controller, Get, Query } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Roles } from '@filing/auth';
import { NotificationRepository } from '../../infrastructure/notification.repository';
import { ListDeliveriesRequest } from './list-deliveries.request';

/** The delivery log for operators: each e-mail and SMS, queued / sent / failed with the reason, addresses masked. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications/deliveries')
@Roles('admin')
export class ListDeliveriesController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notices: NotificationRepository,
  ) {}

  @Get()
  async list(@Query() q: ListDeliveriesRequest) {
    return {
      items: await this.notices.deliveryLog(this.dataSource.manager, { caseId: q.caseId, status: q.status, limit: q.limit ?? 50, offset: q.offset ?? 0 }),
    };
  }
}
