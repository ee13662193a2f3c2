import { ALL_EVENTS } from './catalogue';
import { kafkaAccess, platformPrincipals } from './kafka-access';
import { dltOf } from './topics';

const topicsWith = (service: Parameters<typeof kafkaAccess>[0], op: string, jurisdiction?: string) =>
  kafkaAccess(service, jurisdiction)
    .acls.filter((a) => a.resource === 'topic' && a.operations.includes(op as never))
    .map((a) => a.name)
    .sort();

describe('Kafka access from the catalogue', () => {
  it('lets a service write its own topics and the DLTs of what it consumes, and nothing else', () => {
    expect(topicsWith('intake', 'Write')).toEqual(
      [
        ...ALL_EVENTS.filter((e) => e.producer === 'intake').map((e) => e.topic),
        ...ALL_EVENTS.filter((e) => e.consumers.includes('intake')).map((e) => dltOf(e.topic)),
      ].sort(),
    );
    expect(topicsWith('intake', 'Write')).not.toContain('review.case.approved.v1');
    expect(topicsWith('intake', 'Read')).toContain('review.case.approved.v1');
    expect(topicsWith('intake', 'Read')).not.toContain('intake.application.submitted.v1');
  });

  it("gives a city's review user what a review instance produces, under its own name and group", () => {
    const city = kafkaAccess('review', '220100');
    expect(city.user).toBe('review-220100');
    expect(city.acls.filter((a) => a.resource === 'group' && a.pattern === 'literal').map((a) => a.name)).toEqual(['review-220100']);
    expect(
      topicsWith('review', 'Write', '220100')
        .filter((t) => !t.endsWith('.dlt'))
        .every((t) => t.startsWith('review.')),
    ).toBe(true);
    expect(topicsWith('review', 'Write', '220100')).toEqual(topicsWith('review', 'Write', '220000'));
  });

  it('has one principal per process of the platform', () => {
    expect(platformPrincipals(['220000', '220100']).map((p) => p.user)).toEqual([
      'intake',
      'expert-pool',
      'assessment',
      'publication',
      'notification',
      'review-220000',
      'review-220100',
    ]);
  });
});
