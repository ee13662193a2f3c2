import { Controller, Get } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Public } from '@filing/auth';
import { JURISDICTIONS } from '@filing/contracts';
import { SCHEMA } from '../../../infrastructure/database';

/**
 * 就近就地 coverage: for each filed occupation, the jurisdictions with at least one valid filed institution, and those
 * without one. Province-level institutions (220000) are listed as their own jurisdiction.
 */
@ApiTags('register')
@Public()
@Controller('public/register/coverage')
export class GetCoverageController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  async coverage() {
    const rows: { code: string; name: string; jurisdiction: string; institutions: number; levels: number[] }[] = await this.dataSource.query(
      `SELECT occ->>'code' AS code, min(occ->>'name') AS name, r.jurisdiction, count(DISTINCT r.credit_code)::int AS institutions,
              array_agg(DISTINCT lvl::int) AS levels
         FROM ${SCHEMA}.register_entry r, jsonb_array_elements(r.occupations) occ, jsonb_array_elements_text(occ->'levels') lvl
        WHERE r.status = 'valid'
        GROUP BY occ->>'code', r.jurisdiction
        ORDER BY occ->>'code', r.jurisdiction`,
    );
    const byCode = new Map<string, { code: string; name: string; jurisdictions: { code: string; name: string; institutions: number; levels: number[] }[] }>();
    for (const r of rows) {
      const entry = byCode.get(r.code) ?? { code: r.code, name: r.name, jurisdictions: [] };
      entry.jurisdictions.push({
        code: r.jurisdiction,
        name: JURISDICTIONS.find((j) => j.code === r.jurisdiction)?.name ?? r.jurisdiction,
        institutions: r.institutions,
        levels: [...r.levels].sort((a, b) => b - a),
      });
      byCode.set(r.code, entry);
    }
    return {
      occupations: [...byCode.values()].map((o) => ({
        ...o,
        citiesWithout: JURISDICTIONS.filter((j) => j.level === 'city' && !o.jurisdictions.some((c) => c.code === j.code)).map((j) => ({
          code: j.code,
          name: j.name,
        })),
      })),
    };
  }
}
