import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AvoidanceCandidate } from '../domain/avoidance';

/** An expert of the database as the draw sees it: what avoidance (回避) checks, and the name shown with an exclusion. */
export interface DatabaseExpert extends AvoidanceCandidate {
  name: string;
  occupationCodes: string[];
}

/** The draws module's read of the expert database (专家库) of one level; the experts module owns the rows. */
@Injectable()
export class ExpertDatabaseRepository {
  /**
   * Every expert of the level, whatever their status: avoidance records why each one is left out. In id order (the
   * primary key's), the snapshot's order, so building the snapshot of 100,000 experts needs no sort.
   */
  async wholeDatabase(m: EntityManager, level: string): Promise<DatabaseExpert[]> {
    const rows: any[] = await m.query(
      `SELECT id, level, name, status, to_char(term_start, 'YYYY-MM-DD') AS term_start, to_char(term_end, 'YYYY-MM-DD') AS term_end,
              employer, occupation_codes, former_employers, declared_conflicts, relatives_employers, service_history
         FROM expert_pool.expert WHERE level = $1 ORDER BY id`,
      [level],
    );
    return rows.map((r) => ({
      id: r.id,
      level: r.level,
      name: r.name,
      status: r.status,
      termStart: r.term_start,
      termEnd: r.term_end,
      employer: r.employer,
      occupationCodes: r.occupation_codes,
      formerEmployers: r.former_employers,
      declaredConflicts: r.declared_conflicts,
      relativesEmployers: r.relatives_employers,
      serviceHistory: r.service_history,
    }));
  }

  /** The names of the given experts, by id. */
  async namesOf(m: EntityManager, ids: string[]): Promise<Map<string, string>> {
    const rows: { id: string; name: string }[] = await m.query(`SELECT id, name FROM expert_pool.expert WHERE id = ANY($1)`, [ids]);
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /** The group's service (履职记录) added to each member's history: the 3-year and recent-service avoidance reads it. */
  async recordService(m: EntityManager, expertIds: string[], record: object): Promise<void> {
    await m.query(`UPDATE expert_pool.expert SET service_history = service_history || $2::jsonb, version = version + 1 WHERE id = ANY($1)`, [
      expertIds,
      JSON.stringify([record]),
    ]);
  }

  /** Name and contact of each expert, for telling them (notification requests). */
  async contacts(m: EntityManager, expertIds: string[]): Promise<{ id: string; name: string; contact: { phone?: string; email?: string | null } }[]> {
    return m.query(`SELECT id, name, contact FROM expert_pool.expert WHERE id = ANY($1) ORDER BY id`, [expertIds]);
  }
}
