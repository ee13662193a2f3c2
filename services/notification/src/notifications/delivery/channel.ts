import type { DueDelivery } from '../infrastructure/notification.repository';

/** What one attempt came to: sent (with the provider's id), or failed — worth retrying or not. */
export type SendOutcome = { ok: true; providerId?: string } | { ok: false; retry: boolean; reason: string };

/** One external channel (e-mail, SMS): sends one delivery, never throws. */
export interface DeliveryChannel {
  send(d: DueDelivery): Promise<SendOutcome>;
}
