import { AuditActor } from './audit-chain';

/** The verified caller of a request, as much of it as the audit needs (structurally an `@filing/auth` Principal). */
export interface AuditPrincipal {
  readonly sub: string;
  readonly jurisdiction: string;
  readonly name?: string;
}

/**
 * The caller of an HTTP command, acting in `role` (the role the endpoint admitted it for): the one place a principal
 * becomes an actor, for the audit log and for events alike. A principal without a name (or an empty one) has none.
 */
export function principalActor(p: AuditPrincipal, role: string): AuditActor {
  return p.name ? { subject: p.sub, role, jurisdiction: p.jurisdiction, name: p.name } : { subject: p.sub, role, jurisdiction: p.jurisdiction };
}

/** The event an event-driven step reacted to (structurally `@filing/messaging`'s EventContext). */
export interface AuditEventSource {
  readonly topic: string;
  readonly meta: { readonly id: string; readonly source: string };
}

export function eventActor(ctx: AuditEventSource, jurisdiction: string | null = null): AuditActor {
  return { subject: ctx.meta.id, role: 'event', jurisdiction, event: { topic: ctx.topic, id: ctx.meta.id, source: ctx.meta.source } };
}

/** A step the service takes on its own clock (e.g. a notice closing when its period ends). */
export function systemActor(service: string, jurisdiction: string | null = null): AuditActor {
  return { subject: service, role: 'system', jurisdiction };
}
