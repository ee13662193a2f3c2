import { ALL_EVENTS } from './catalogue';
import { TopicSpec } from './catalogue.types';

export const DLT_SUFFIX = '.dlt';
export const DEFAULT_PARTITIONS = 3;

export function dltOf(topic: string): string {
  return `${topic}${DLT_SUFFIX}`;
}

/**
 * Every topic the platform uses, with its dead-letter twin. Case events keep 30 days; the national feed and its DLT
 * are kept without time limit so a replay or an audit can always read them back.
 */
export function topicSpecs(
  partitions = Number(process.env.KAFKA_TOPIC_PARTITIONS ?? DEFAULT_PARTITIONS),
  replicationFactor = Number(process.env.KAFKA_REPLICATION_FACTOR ?? 1),
): TopicSpec[] {
  const specs: TopicSpec[] = [];
  for (const e of ALL_EVENTS) {
    const retention = e.external ? -1 : 30 * 24 * 3600 * 1000;
    specs.push({ topic: e.topic, partitions, replicationFactor, config: { 'retention.ms': retention, 'cleanup.policy': 'delete' } });
    specs.push({ topic: dltOf(e.topic), partitions, replicationFactor, config: { 'retention.ms': -1, 'cleanup.policy': 'delete' } });
  }
  return specs;
}
