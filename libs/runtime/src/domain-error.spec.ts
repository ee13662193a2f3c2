import { DomainError, IllegalStep, InvalidCommand, MissingPrecondition, NotAllowed, NotFound, RuleRefusal } from './domain-error';

/** What each refusal means at the two edges: its HTTP status, and whether the Kafka path retries it. */
describe('domain errors', () => {
  it.each([
    [new InvalidCommand('x'), 400, 'dead-letter'],
    [new NotFound('x'), 404, 'dead-letter'],
    [new NotAllowed('x'), 403, 'dead-letter'],
    [new IllegalStep('x'), 409, 'retry'],
    [new MissingPrecondition('x'), 409, 'retry'],
    [new RuleRefusal('x'), 422, 'dead-letter'],
  ])('%s answers %i and is %s on Kafka', (err: DomainError, status, onEvent) => {
    expect(err).toBeInstanceOf(DomainError);
    expect(err.status).toBe(status);
    expect(err.onEvent).toBe(onEvent);
  });

  it('keeps its body and names itself', () => {
    const err = new IllegalStep({ message: ['a', 'b'], currentStage: 'CLOSED' });
    expect(err.message).toBe('a; b');
    expect(err.name).toBe('IllegalStep');
    expect(err.body).toEqual({ message: ['a', 'b'], currentStage: 'CLOSED' });
  });
});
