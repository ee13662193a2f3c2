import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { StandardDocument, standardInForce } from '../domain/standard';
import { StandardVersion } from './standard-version.entity';

/** A case and the standard version it is evaluated against. */
export interface PinnedCaseRow {
  case_id: string;
  jurisdiction: string | null;
  applicant: { name: string; creditCode: string } | null;
  institution_kind: string | null;
  stage: string | null;
  standard_id: string;
  version: string;
  pinned_for: string | null;
  formed_at: Date | null;
}

/** The loaded standard versions: read by the standards queries and when an evaluation pins its version. */
@Injectable()
export class StandardRepository {
  async inForce(manager: EntityManager, institutionKind: string, date: string): Promise<StandardVersion | undefined> {
    const versions = await manager.find(StandardVersion, { where: { institutionKind } });
    const found = standardInForce(
      versions.map((v) => ({ document: v.document, loadedSeq: v.seq })),
      institutionKind,
      date,
    );
    return found && versions.find((v) => v.seq === found.loadedSeq);
  }

  async bySeq(manager: EntityManager, seq: number): Promise<StandardVersion> {
    return manager.findOneByOrFail(StandardVersion, { seq });
  }

  async versionsOf(manager: EntityManager, standardId: string): Promise<StandardVersion[]> {
    return manager.find(StandardVersion, { where: { standardId } });
  }

  async version(manager: EntityManager, standardId: string, version: string): Promise<StandardVersion | null> {
    return manager.findOneBy(StandardVersion, { standardId, version });
  }

  async all(manager: EntityManager): Promise<StandardVersion[]> {
    return manager.find(StandardVersion, { order: { seq: 'ASC' } });
  }

  async add(manager: EntityManager, row: StandardVersion): Promise<StandardVersion> {
    return manager.save(row);
  }

  /** The cases with a pinned version, newest group first (at most 1000); `jurisdiction` null for every jurisdiction. */
  async pinnedCases(manager: EntityManager, jurisdiction: string | null): Promise<PinnedCaseRow[]> {
    return manager.query(
      `SELECT e.case_id, e.jurisdiction, e.applicant, e.institution_kind, e.stage, s.standard_id, s.version, e.standard_pinned_for::text AS pinned_for, e.formed_at
         FROM assessment.evaluation e JOIN assessment.standard_version s ON s.seq = e.standard_seq
        WHERE ($1::text IS NULL OR e.jurisdiction = $1)
        ORDER BY e.formed_at DESC NULLS LAST, e.case_id
        LIMIT 1000`,
      [jurisdiction],
    );
  }
}

export function standardRef(doc: StandardDocument): { standardId: string; version: string } {
  return { standardId: doc.standardId, version: doc.version };
}
