import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { ExternalChannel } from '../domain/channels';

export interface NoticeRow {
  id: string;
  dedupeKey: string;
  eventId: string;
  caseId: string;
  jurisdiction: string;
  kind: string;
  recipientId: string;
  recipientRole: string;
  recipientName: string | null;
  title: string;
  body: string;
  link: string;
  params: Record<string, string>;
  createdAt: Date;
  readAt: Date | null;
}

export interface DueDelivery {
  id: string;
  noticeId: string;
  channel: ExternalChannel;
  address: string;
  addressMasked: string;
  attempts: number;
  kind: string;
  title: string;
  body: string;
  params: Record<string, string>;
  caseId: string;
  recipientName: string | null;
}

export interface DeliveryLogRow {
  id: string;
  noticeId: string;
  caseId: string;
  kind: string;
  recipientId: string;
  channel: ExternalChannel;
  address: string;
  status: 'queued' | 'sent' | 'failed';
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  settledAt: Date | null;
}

const NOTICE_COLUMNS = `id, dedupe_key AS "dedupeKey", event_id AS "eventId", case_id AS "caseId", jurisdiction, kind,
  recipient_id AS "recipientId", recipient_role AS "recipientRole", recipient_name AS "recipientName", title, body, link, params, created_at AS "createdAt", read_at AS "readAt"`;

/** The notification module's SQL: notices (the inbox), deliveries (the log), preferences, the jurisdiction switch. */
@Injectable()
export class NotificationRepository {
  /** False when a notice with the same dedupe key exists: the request was already taken. */
  async insertNotice(m: EntityManager, n: Omit<NoticeRow, 'readAt'>): Promise<boolean> {
    const rows: unknown[] = await m.query(
      `INSERT INTO notification.notice (id, dedupe_key, event_id, case_id, jurisdiction, kind, recipient_id, recipient_role, recipient_name, title, body, link, params, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
       ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
      [
        n.id,
        n.dedupeKey,
        n.eventId,
        n.caseId,
        n.jurisdiction,
        n.kind,
        n.recipientId,
        n.recipientRole,
        n.recipientName,
        n.title,
        n.body,
        n.link,
        JSON.stringify(n.params),
        n.createdAt,
      ],
    );
    return rows.length === 1;
  }

  /** Due at once. Delivery runs on the database's time: sending is not a step of the procedure, which may run on a moved clock. */
  async queueDelivery(m: EntityManager, d: { id: string; noticeId: string; channel: ExternalChannel; address: string; addressMasked: string }): Promise<void> {
    await m.query(
      `INSERT INTO notification.delivery (id, notice_id, channel, address, address_masked, status, next_attempt_at, created_at)
       VALUES ($1, $2, $3, $4, $5, 'queued', now(), now())`,
      [d.id, d.noticeId, d.channel, d.address, d.addressMasked],
    );
  }

  async preferenceOf(m: EntityManager, recipientId: string): Promise<ExternalChannel[] | undefined> {
    const rows: { channels: ExternalChannel[] }[] = await m.query(`SELECT channels FROM notification.preference WHERE recipient_id = $1`, [recipientId]);
    return rows[0]?.channels;
  }

  async setPreference(m: EntityManager, recipientId: string, channels: ExternalChannel[], by: string, at: Date): Promise<void> {
    await m.query(
      `INSERT INTO notification.preference (recipient_id, channels, updated_at, updated_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (recipient_id) DO UPDATE SET channels = EXCLUDED.channels, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`,
      [recipientId, JSON.stringify(channels), at, by],
    );
  }

  /** E-mail and SMS are on for a jurisdiction unless an administrator switched them off. */
  async externalOn(m: EntityManager, jurisdiction: string): Promise<boolean> {
    const rows: { external_on: boolean }[] = await m.query(`SELECT external_on FROM notification.jurisdiction_switch WHERE jurisdiction = $1`, [jurisdiction]);
    return rows[0]?.external_on ?? true;
  }

  async setSwitch(m: EntityManager, jurisdiction: string, on: boolean, by: string, at: Date): Promise<void> {
    await m.query(
      `INSERT INTO notification.jurisdiction_switch (jurisdiction, external_on, updated_at, updated_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (jurisdiction) DO UPDATE SET external_on = EXCLUDED.external_on, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`,
      [jurisdiction, on, at, by],
    );
  }

  async switches(m: EntityManager): Promise<{ jurisdiction: string; externalOn: boolean; updatedAt: Date; updatedBy: string }[]> {
    return m.query(
      `SELECT jurisdiction, external_on AS "externalOn", updated_at AS "updatedAt", updated_by AS "updatedBy" FROM notification.jurisdiction_switch ORDER BY jurisdiction`,
    );
  }

  async listFor(
    m: EntityManager,
    recipientIds: string[],
    opts: { unreadOnly: boolean; limit: number; offset: number },
  ): Promise<{ items: NoticeRow[]; total: number; unread: number }> {
    const items: NoticeRow[] = await m.query(
      `SELECT ${NOTICE_COLUMNS} FROM notification.notice WHERE recipient_id = ANY($1) ${opts.unreadOnly ? 'AND read_at IS NULL' : ''}
        ORDER BY created_at DESC, id LIMIT $2 OFFSET $3`,
      [recipientIds, opts.limit, opts.offset],
    );
    const [counts] = await m.query(
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE read_at IS NULL)::int AS unread FROM notification.notice WHERE recipient_id = ANY($1)`,
      [recipientIds],
    );
    return { items, total: opts.unreadOnly ? counts.unread : counts.total, unread: counts.unread };
  }

  async unreadCount(m: EntityManager, recipientIds: string[]): Promise<number> {
    const [row] = await m.query(`SELECT count(*)::int AS n FROM notification.notice WHERE recipient_id = ANY($1) AND read_at IS NULL`, [recipientIds]);
    return row.n;
  }

  /** The notice when it is one of the recipient's; undefined otherwise (someone else's looks like none). */
  async noticeFor(m: EntityManager, id: string, recipientIds: string[]): Promise<NoticeRow | undefined> {
    const rows: NoticeRow[] = await m.query(`SELECT ${NOTICE_COLUMNS} FROM notification.notice WHERE id = $1 AND recipient_id = ANY($2) FOR UPDATE`, [
      id,
      recipientIds,
    ]);
    return rows[0];
  }

  async markRead(m: EntityManager, ids: string[], at: Date): Promise<number> {
    const rows: unknown[] = await m.query(`UPDATE notification.notice SET read_at = $2 WHERE id = ANY($1) AND read_at IS NULL RETURNING id`, [ids, at]);
    return rows.length;
  }

  async unreadIdsFor(m: EntityManager, recipientIds: string[]): Promise<string[]> {
    const rows: { id: string }[] = await m.query(`SELECT id FROM notification.notice WHERE recipient_id = ANY($1) AND read_at IS NULL FOR UPDATE`, [
      recipientIds,
    ]);
    return rows.map((r) => r.id);
  }

  /**
   * Deliveries whose time has come, locked for this worker (others skip them): a replica that dies mid-send releases
   * its rows with its transaction, and they are tried again.
   */
  async claimDue(m: EntityManager, limit: number): Promise<DueDelivery[]> {
    return m.query(
      `SELECT d.id, d.notice_id AS "noticeId", d.channel, d.address, d.address_masked AS "addressMasked", d.attempts,
              n.kind, n.title, n.body, n.params, n.case_id AS "caseId", n.recipient_name AS "recipientName"
         FROM notification.delivery d JOIN notification.notice n ON n.id = d.notice_id
        WHERE d.status = 'queued' AND d.next_attempt_at <= now()
        ORDER BY d.next_attempt_at, d.id
        LIMIT $1
        FOR UPDATE OF d SKIP LOCKED`,
      [limit],
    );
  }

  async settleSent(m: EntityManager, id: string, attempts: number, providerId: string | undefined): Promise<void> {
    await m.query(
      `UPDATE notification.delivery SET status = 'sent', attempts = $2, provider_id = $3, last_error = NULL, address = NULL, settled_at = now() WHERE id = $1`,
      [id, attempts, providerId ?? null],
    );
  }

  async retryLater(m: EntityManager, id: string, attempts: number, error: string, waitMs: number): Promise<void> {
    await m.query(
      `UPDATE notification.delivery SET attempts = $2, last_error = $3, next_attempt_at = now() + ($4::int * interval '1 millisecond') WHERE id = $1`,
      [id, attempts, error, waitMs],
    );
  }

  async settleFailed(m: EntityManager, id: string, attempts: number, error: string): Promise<void> {
    await m.query(`UPDATE notification.delivery SET status = 'failed', attempts = $2, last_error = $3, address = NULL, settled_at = now() WHERE id = $1`, [
      id,
      attempts,
      error,
    ]);
  }

  /** The delivery log, addresses masked. */
  async deliveryLog(m: EntityManager, filter: { caseId?: string; status?: string; limit: number; offset: number }): Promise<DeliveryLogRow[]> {
    return m.query(
      `SELECT d.id, d.notice_id AS "noticeId", n.case_id AS "caseId", n.kind, n.recipient_id AS "recipientId", d.channel, d.address_masked AS address,
              d.status, d.attempts, d.last_error AS "lastError", d.created_at AS "createdAt", d.settled_at AS "settledAt"
         FROM notification.delivery d JOIN notification.notice n ON n.id = d.notice_id
        WHERE ($1::text IS NULL OR n.case_id = $1) AND ($2::text IS NULL OR d.status = $2)
        ORDER BY d.created_at DESC, d.id LIMIT $3 OFFSET $4`,
      [filter.caseId ?? null, filter.status ?? null, filter.limit, filter.offset],
    );
  }
}
