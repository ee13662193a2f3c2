import { Controller, Logger } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { ApplicationSubmitted, Events } from '@filing/contracts';
import { EventContext, OnEvent } from '@filing/messaging';
import { ReviewCase } from '../../domain/case.entity';
import { reviewInstance } from '../../../infrastructure/review-instance.config';

/** A submitted application opens a case at the review instance of its jurisdiction; other instances ignore it. */
@Controller()
export class OpenCaseMessageController {
  private readonly logger = new Logger('OpenCase');

  @OnEvent(Events.applicationSubmitted)
  async onSubmitted(@Payload() event: ApplicationSubmitted, @Ctx() ctx: EventContext): Promise<void> {
    if (!reviewInstance.serves(event.jurisdiction)) return;
    const submittedAt = new Date(event.submittedAt);
    await ctx.manager.insert(ReviewCase, {
      id: event.caseId,
      jurisdiction: event.jurisdiction,
      applicationKind: event.applicationKind,
      stage: 'SUBMITTED',
      institution: event.institution,
      occupations: event.occupations,
      submittedAt,
      stageEnteredAt: submittedAt,
      version: 1,
    });
    this.logger.log(`case ${event.caseId} opened for ${event.institution.name} (${event.jurisdiction})`);
  }
}
