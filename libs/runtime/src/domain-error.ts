/**
 * Refusals a use case's handler raises, in the domain's terms and free of any framework, so one handler serves HTTP
 * and Kafka alike. The HTTP edge (`HttpErrorFilter`) answers each with its status as RFC 9457 problem details; the
 * Kafka edge (`EventProcessor`) reads `onEvent`: a refusal the state may still lift (an illegal step, a missing
 * precondition: another event or command can change the case) is retried a bounded number of times, one that no
 * retry can change (no such case here, an invalid request, a rule that refuses it) goes to the dead-letter topic now.
 *
 * `body` is what the answer carries: a sentence, or an object with `message` and fields of its own (`currentStage`,
 * `allowedActions`, `code`, ...), exactly as the problem document shows them.
 */
export type DomainErrorBody = string | ({ message: string | string[] } & Record<string, unknown>);

export abstract class DomainError extends Error {
  /** The HTTP status this refusal answers with. */
  abstract readonly status: number;
  /** What the Kafka path does with an event whose handler raised it. */
  abstract readonly onEvent: 'retry' | 'dead-letter';

  constructor(readonly body: DomainErrorBody) {
    super(typeof body === 'string' ? body : Array.isArray(body.message) ? body.message.join('; ') : body.message);
    this.name = new.target.name;
  }
}

/** The command itself is wrong (a failing opinion without reasons, dissent of a non-member): 400. */
export class InvalidCommand extends DomainError {
  readonly status = 400;
  readonly onEvent = 'dead-letter' as const;
}

/** The thing does not exist, or not for this caller (no existence leak, ADR 0012): 404. */
export class NotFound extends DomainError {
  readonly status = 404;
  readonly onEvent = 'dead-letter' as const;
}

/** The caller may see it but not take this step (only the 组长 submits an opinion): 403. */
export class NotAllowed extends DomainError {
  readonly status = 403;
  readonly onEvent = 'dead-letter' as const;
}

/** The step is not legal in the current state (the stage, a concurrent change): 409. */
export class IllegalStep extends DomainError {
  readonly status = 409;
  readonly onEvent = 'retry' as const;
}

/** Something the step needs has not happened yet (no leader elected, a sheet missing, already submitted): 409. */
export class MissingPrecondition extends DomainError {
  readonly status = 409;
  readonly onEvent = 'retry' as const;
}

/** The request is understood but a rule refuses it (a draw that cannot meet its requirements): 422. */
export class RuleRefusal extends DomainError {
  readonly status = 422;
  readonly onEvent = 'dead-letter' as const;
}

/** The content is beyond a limit (a file, an application's quota of materials): 413. */
export class TooLarge extends DomainError {
  readonly status = 413;
  readonly onEvent = 'dead-letter' as const;
}

/** The content is of a kind the step does not take (a file that is neither PDF, image nor office document): 415. */
export class UnsupportedContent extends DomainError {
  readonly status = 415;
  readonly onEvent = 'dead-letter' as const;
}
