import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { Events } from '@filing/contracts';
import { OutboxWriter } from '@filing/messaging';
import { Clock } from '@filing/runtime';
import { Application } from '../../domain/application.entity';
import { SubmitApplicationRequest } from './submit-application.request';

/** 机构申报: an institution submits its application; the event goes out with the row, in one transaction. */
@ApiTags('applications')
@ApiBearerAuth()
@Controller('applications')
export class SubmitApplicationController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  @Post()
  @HttpCode(201)
  async submit(@Body() body: SubmitApplicationRequest) {
    const now = this.clock.now();
    const application = Object.assign(new Application(), {
      id: randomUUID(),
      applicationKind: body.applicationKind,
      jurisdiction: body.jurisdiction,
      creditCode: body.institution.creditCode,
      institution: body.institution,
      occupations: body.occupations,
      status: 'SUBMITTED',
      submittedAt: now,
    });
    await this.dataSource.transaction(async (manager) => {
      await manager.save(application);
      await this.outbox.add(manager, Events.applicationSubmitted, {
        caseId: application.id,
        applicationKind: application.applicationKind,
        jurisdiction: application.jurisdiction,
        institution: application.institution,
        occupations: application.occupations,
        materials: [],
        submittedAt: now.toISOString(),
      });
    });
    return { id: application.id, status: application.status, submittedAt: now.toISOString() };
  }
}
