import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EventMetadata } from '@filing/contracts';
import { Application } from '../infrastructure/application.entity';
import { CaseEvent } from '../infrastructure/case-event.entity';
import { applicationForEvent } from '../infrastructure/application-for-event';
import { ApplicationRepository } from '../infrastructure/application.repository';
import { TimelineRepository } from '../infrastructure/timeline.repository';

/** What one consumed event adds to the timeline (the event id and the application are filled in here). */
export type TimelineEntry = Omit<CaseEvent, 'eventId' | 'applicationId'>;

/** The consumed event as the timeline needs it (structurally the consumer's EventContext). */
export interface ConsumedEvent {
  readonly manager: EntityManager;
  readonly topic: string;
  readonly meta: Pick<EventMetadata, 'id' | 'source'>;
}

/**
 * What every consumer of a case event does at intake, in the consumer's transaction: find the application the case
 * is (refusing an unknown case, or a city instance speaking for another jurisdiction's case, to the dead-letter
 * topic), add the entry to the applicant's timeline under the event's id, and move the application's status.
 */
@Injectable()
export class RecordOnTimelineHandler {
  constructor(
    private readonly timeline: TimelineRepository,
    private readonly applications: ApplicationRepository,
  ) {}

  /** Returns the application the event is about. */
  async record(
    ctx: ConsumedEvent,
    caseId: string,
    entry: TimelineEntry,
    change: (application: Application) => Partial<Application> | null,
  ): Promise<Application> {
    const application = await applicationForEvent(ctx.manager, caseId, ctx.topic, ctx.meta.source);
    await this.onApplication(ctx, application, entry, change);
    return application;
  }

  /** The same for an application already found (a filing, which need not be one of intake's). */
  async onApplication(
    ctx: ConsumedEvent,
    application: Application,
    entry: TimelineEntry,
    change: (application: Application) => Partial<Application> | null,
  ): Promise<void> {
    await this.timeline.add(ctx.manager, { eventId: ctx.meta.id, applicationId: application.id, ...entry });
    const changes = change(application);
    if (changes) await this.applications.update(ctx.manager, application.id, changes);
  }
}
