import { Controller, Get, Query } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Public } from '@filing/auth';
import { SCHEMA } from '../../../infrastructure/database';
import { SearchRegisterQuery } from './search-register.query';

/** The public register of filed institutions (备案机构名录), searchable by city, occupation, level and name. */
@ApiTags('register')
@Public()
@Controller('public/register')
export class SearchRegisterController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  async search(@Query() q: SearchRegisterQuery) {
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 20;
    const where: string[] = [`r.status = 'valid'`];
    const params: unknown[] = [];
    const add = (sql: (p: string) => string, value: unknown) => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    if (q.city) add((p) => `r.jurisdiction = ${p}`, q.city);
    if (q.name) add((p) => `r.name ILIKE ${p}`, `%${escapeLike(q.name)}%`);
    // One occupation must match both the occupation and the level when both are given.
    if (q.occupation || q.level) {
      const conds: string[] = [];
      if (q.occupation) {
        params.push(q.occupation, `%${escapeLike(q.occupation)}%`);
        conds.push(`(occ->>'code' = $${params.length - 1} OR occ->>'name' ILIKE $${params.length} OR coalesce(occ->>'workType', '') ILIKE $${params.length})`);
      }
      if (q.level) {
        params.push(JSON.stringify([q.level]));
        conds.push(`occ->'levels' @> $${params.length}::jsonb`);
      }
      where.push(`EXISTS (SELECT 1 FROM jsonb_array_elements(r.occupations) occ WHERE ${conds.join(' AND ')})`);
    }
    const whereSql = where.join(' AND ');
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM ${SCHEMA}.register_entry r WHERE ${whereSql}`, params);
    const items = await this.dataSource.query(
      `SELECT r.name, r.credit_code AS "creditCode", r.kind, r.jurisdiction, r.jurisdiction_name AS "jurisdictionName", r.scope, r.contact,
              r.occupations, r.filing_number AS "filingNumber", r.notice_number AS "noticeNumber", to_char(r.notice_date, 'YYYY-MM-DD') AS "noticeDate", r.filings, r.status
         FROM ${SCHEMA}.register_entry r WHERE ${whereSql}
        ORDER BY r.notice_date DESC, r.name LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
      params,
    );
    return { total, page, pageSize, items };
  }
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
