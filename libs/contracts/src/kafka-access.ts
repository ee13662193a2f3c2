// What each service may do on the broker, derived from the catalogue (each topic's producer and consumers): the test
// broker's ACLs and the Strimzi KafkaUser resources in deploy/ both come from here (ADR 0013).
import { ALL_EVENTS } from './catalogue';
import { EventDefinition, ServiceName } from './catalogue.types';
import { dltOf } from './topics';
import { PROVINCE_CODE } from './vocabulary/jurisdiction';

export type KafkaOperation = 'Read' | 'Write' | 'Describe' | 'Delete';

export interface KafkaAcl {
  resource: 'topic' | 'group';
  name: string;
  pattern: 'literal' | 'prefix';
  operations: KafkaOperation[];
}

export interface KafkaPrincipal {
  /** The SCRAM user name (Strimzi KafkaUser name): the service, or `review-<jurisdiction>` for a review instance. */
  user: string;
  service: ServiceName;
  jurisdiction?: string;
  /** Its consumer group (MessagingOptions.groupId). */
  groupId: string;
  acls: KafkaAcl[];
}

/** Consumer groups of the operator's dead-letter readers (DeadLetterStore): one throw-away group per read. */
export const DLT_READER_GROUP_PREFIX = 'dlt-reader-';

export function kafkaUserOf(service: ServiceName, jurisdiction?: string): string {
  return service === 'review' ? `review-${jurisdiction ?? PROVINCE_CODE}` : service;
}

/**
 * A service writes only the topics it produces and the dead-letter twins of those it consumes (its consumer parks
 * poison messages there), reads what it consumes and those twins (the operator's dead-letter endpoints), and uses
 * only its own consumer group and its dead-letter readers' groups. Nothing else: no topic creation, no other group.
 */
export function kafkaAccess(service: ServiceName, jurisdiction?: string, events: readonly EventDefinition<any>[] = ALL_EVENTS): KafkaPrincipal {
  const topics = new Map<string, Set<KafkaOperation>>();
  const grant = (topic: string, ...ops: KafkaOperation[]) => {
    const set = topics.get(topic) ?? new Set<KafkaOperation>();
    for (const op of ops) set.add(op);
    topics.set(topic, set);
  };
  for (const e of events) {
    if (e.producer === service) grant(e.topic, 'Write', 'Describe');
    if (e.consumers.includes(service)) {
      grant(e.topic, 'Read', 'Describe');
      grant(dltOf(e.topic), 'Write', 'Read', 'Describe');
    }
  }
  const user = kafkaUserOf(service, jurisdiction);
  const order: KafkaOperation[] = ['Read', 'Write', 'Describe', 'Delete'];
  const acls: KafkaAcl[] = [...topics.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, ops]) => ({ resource: 'topic' as const, name, pattern: 'literal' as const, operations: order.filter((o) => ops.has(o)) }));
  acls.push({ resource: 'group', name: user, pattern: 'literal', operations: ['Read', 'Describe'] });
  acls.push({ resource: 'group', name: DLT_READER_GROUP_PREFIX, pattern: 'prefix', operations: ['Read', 'Describe', 'Delete'] });
  return { user, service, jurisdiction: service === 'review' ? (jurisdiction ?? PROVINCE_CODE) : undefined, groupId: user, acls };
}

/** One principal per process of a platform: every service, and one review instance per jurisdiction listed. */
export function platformPrincipals(reviewJurisdictions: string[] = [PROVINCE_CODE]): KafkaPrincipal[] {
  const others: ServiceName[] = ['intake', 'expert-pool', 'assessment', 'publication', 'notification'];
  return [...others.map((s) => kafkaAccess(s)), ...reviewJurisdictions.map((j) => kafkaAccess('review', j))];
}
