import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { NOTICE_COLUMNS, NOTICE_FROM, NoticeRow } from '../../notices/notice.row';
import { SCHEMA } from '../../infrastructure/database';

export type DocumentKind = 'filing-notice' | 'public-notice' | 'public-notice-batch';

export interface StoredDocument {
  kind: DocumentKind;
  subjectId: string;
  number: string | null;
  sha256: string;
  size: number;
  bytes: Buffer;
  generatedAt: Date;
}

/** The documents module's SQL: each document's bytes and sha-256, stored once. */
@Injectable()
export class DocumentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async notice(noticeId: string): Promise<NoticeRow | undefined> {
    const [n] = await this.dataSource.query(`SELECT ${NOTICE_COLUMNS} FROM ${NOTICE_FROM} WHERE n.id = $1`, [noticeId]);
    return n;
  }

  async lockNotice(manager: EntityManager, noticeId: string): Promise<boolean> {
    return (await manager.query(`SELECT 1 FROM ${NOTICE_FROM} WHERE n.id = $1 FOR UPDATE`, [noticeId])).length > 0;
  }

  async find(kind: DocumentKind, subjectId: string, withBytes = true, manager?: EntityManager): Promise<StoredDocument | undefined> {
    const [row] = await (manager ?? this.dataSource).query(
      `SELECT kind, subject_id AS "subjectId", number, sha256, size, ${withBytes ? 'bytes' : 'NULL AS bytes'}, generated_at AS "generatedAt"
         FROM ${SCHEMA}.document WHERE kind = $1 AND subject_id = $2`,
      [kind, subjectId],
    );
    return row;
  }

  /** Stores a document unless one is stored already (two replicas making the same file at once): the first stays. */
  async store(doc: Omit<StoredDocument, 'size'>, manager?: EntityManager): Promise<void> {
    await (manager ?? this.dataSource).query(
      `INSERT INTO ${SCHEMA}.document (kind, subject_id, number, sha256, size, bytes, generated_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (kind, subject_id) DO NOTHING`,
      [doc.kind, doc.subjectId, doc.number, doc.sha256, doc.bytes.length, doc.bytes, doc.generatedAt],
    );
  }
}
