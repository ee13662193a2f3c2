// The channels beyond the in-console inbox, which every person has, and which of them a notice goes out on.

export const EXTERNAL_CHANNELS = ['email', 'sms'] as const;
export type ExternalChannel = (typeof EXTERNAL_CHANNELS)[number];

export interface ChannelChoice {
  /** The recipient's addresses as the request carried them. */
  email?: string;
  mobile?: string;
  /** The person's preference; undefined = every channel they have an address for. */
  preferred?: readonly ExternalChannel[];
  /** The case's jurisdiction has notices by e-mail and SMS switched off. */
  jurisdictionOff: boolean;
  /** Which channels this deployment has configured (SMTP_URL, SMS_GATEWAY_URL). */
  configured: readonly ExternalChannel[];
}

/** The external channels a notice is queued on, each with its address. */
export function channelsFor(c: ChannelChoice): { channel: ExternalChannel; address: string }[] {
  if (c.jurisdictionOff) return [];
  const wanted = (ch: ExternalChannel) => c.configured.includes(ch) && (c.preferred === undefined || c.preferred.includes(ch));
  const out: { channel: ExternalChannel; address: string }[] = [];
  if (c.email && wanted('email')) out.push({ channel: 'email', address: c.email });
  if (c.mobile && wanted('sms')) out.push({ channel: 'sms', address: c.mobile });
  return out;
}

/** Wait before the next attempt: base·2^(attempt−1), at most cap. */
export function backoffMs(attempt: number, baseMs: number, capMs: number): number {
  return Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
}

/** An address as logs and answers show it: 'zhang.san@example.cn' → 'zh******@example.cn'. */
export function maskEmail(value: string): string {
  const at = value.lastIndexOf('@');
  if (at <= 0) return '*'.repeat(value.length);
  const local = value.slice(0, at);
  const keep = local.length > 2 ? 2 : 1;
  return `${local.slice(0, keep)}${'*'.repeat(Math.max(1, local.length - keep))}${value.slice(at)}`;
}

/** A provider's error text as the log keeps it: e-mail addresses and mobile numbers in it masked. */
export function scrubAddresses(text: string): string {
  return text
    .replace(/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, (m) => maskEmail(m))
    .replace(/(?<!\d)(\+?86)?(1\d{2})\d{4}(\d{4})(?!\d)/g, (_m, cc, a, b) => `${cc ?? ''}${a}****${b}`);
}
