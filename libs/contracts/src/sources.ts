// Who produced an event: the CloudEvents `source` of each producer, and the check every consumer makes of it against
// the catalogue (docs/architecture.md §4, docs/adr/0013-kafka-authentication-and-authorisation.md).
import { EventDefinition, ServiceName } from './catalogue.types';
import { findJurisdiction, PROVINCE_CODE } from './vocabulary/jurisdiction';

/** `/services/<service>`; a review instance adds its jurisdiction: `/services/review/220100`. */
export function sourceOf(service: ServiceName, jurisdiction?: string): string {
  if (service === 'review') return `/services/review/${jurisdiction ?? PROVINCE_CODE}`;
  return `/services/${service}`;
}

export interface EventSource {
  service: string;
  /** The review instance's jurisdiction. */
  jurisdiction?: string;
}

/** Reads a `ce_source` back; undefined when it is not one of the platform's. */
export function parseSource(source: string): EventSource | undefined {
  const m = /^\/services\/([a-z-]+)(?:\/(\d{6}))?$/.exec(source);
  if (!m) return undefined;
  return m[2] ? { service: m[1], jurisdiction: m[2] } : { service: m[1] };
}

/**
 * Why an event may not be taken from this source, or undefined when it may: the source must be the topic's producer
 * in the catalogue (a review instance naming a known jurisdiction), and a city's review instance speaks only for its
 * own jurisdiction's cases (the payload's `jurisdiction`). The province instance serves every city without one.
 */
export function sourceProblem(def: Pick<EventDefinition, 'topic' | 'producer'>, source: string, payload: object): string | undefined {
  const s = parseSource(source);
  if (!s || s.service !== def.producer)
    return `ce_source ${JSON.stringify(source)} is not the producer of ${def.topic} (expected ${sourceOf(def.producer)}${def.producer === 'review' ? ' or a city instance /services/review/<code>' : ''})`;
  if (def.producer !== 'review') return s.jurisdiction ? `ce_source ${source}: ${def.producer} has no per-jurisdiction instances` : undefined;
  const instance = s.jurisdiction ? findJurisdiction(s.jurisdiction) : undefined;
  if (!instance) return `ce_source ${source} names no known jurisdiction`;
  if (instance.level === 'province') return undefined;
  const about = (payload as { jurisdiction?: unknown }).jurisdiction;
  if (about !== instance.code) return `ce_source ${source}: the review instance of ${instance.code} may not speak for a case of jurisdiction ${String(about)}`;
  return undefined;
}

/** The city whose review instance produced an event, or undefined (the province, or another service). */
export function cityOfSource(source: string): string | undefined {
  const s = parseSource(source);
  return s?.service === 'review' && s.jurisdiction && findJurisdiction(s.jurisdiction)?.level === 'city' ? s.jurisdiction : undefined;
}
