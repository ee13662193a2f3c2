import { EntityManager } from 'typeorm';
import { cityOfSource } from '@filing/contracts';
import { UnprocessableEventError } from '@filing/messaging';
import { Application } from './application.entity';
import { ApplicationRepository } from './application.repository';

const applications = new ApplicationRepository();

/** The application with this case id, locked for update, or null. Not a query error for a non-UUID id. */
export async function findApplicationForEvent(manager: EntityManager, caseId: string): Promise<Application | null> {
  return applications.forUpdate(manager, caseId);
}

/**
 * The application a case event is about, locked for update. Every case starts at intake, and intake commits the
 * application before its submitted event can even be published, so an event about an unknown case can never become
 * processable by waiting: it goes straight to the dead-letter topic for an operator to look at. So does an event of a
 * city's review instance (`source`) about another jurisdiction's case.
 */
export async function applicationForEvent(manager: EntityManager, caseId: string, topic: string, source?: string): Promise<Application> {
  const application = await findApplicationForEvent(manager, caseId);
  if (!application) throw new UnprocessableEventError(`${topic}: case ${caseId} is not an application known to intake`);
  // A city's review instance speaks only for its own cases: the payload's jurisdiction is checked by the consumer,
  // the case's real one here, where it is known (ADR 0013).
  const city = source ? cityOfSource(source) : undefined;
  if (city && application.jurisdiction !== city) {
    throw new UnprocessableEventError(`${topic}: ${source} may not speak for case ${caseId} of jurisdiction ${application.jurisdiction}`);
  }
  return application;
}
