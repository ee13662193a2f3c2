import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { SCHEMA } from '../../infrastructure/database';
import type { RowError } from '../domain/historical-register';

/** Historical register imports (历史备案导入): each attempt, imported or rejected with its errors by row. */
@Injectable()
export class RegisterImportsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async lockImports(manager: EntityManager): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('publication.register_import'))`);
  }

  async creditCodes(manager: EntityManager): Promise<string[]> {
    return (await manager.query(`SELECT credit_code FROM ${SCHEMA}.register_entry`)).map((r: { credit_code: string }) => r.credit_code);
  }

  async record(
    manager: EntityManager,
    r: { id: string; fileName: string; status: 'imported' | 'rejected'; rows: number; imported: number; errors: RowError[]; importedBy: unknown; at: Date },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO ${SCHEMA}.register_import (id, file_name, status, rows, imported, errors, imported_by, imported_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [r.id, r.fileName, r.status, r.rows, r.imported, JSON.stringify(r.errors), JSON.stringify(r.importedBy), r.at],
    );
  }

  async list(limit = 50) {
    return this.dataSource.query(
      `SELECT id AS "importId", file_name AS "fileName", status, rows, imported, jsonb_array_length(errors) AS "errorCount", imported_by AS "importedBy", imported_at AS "importedAt"
         FROM ${SCHEMA}.register_import ORDER BY imported_at DESC LIMIT $1`,
      [limit],
    );
  }
}
