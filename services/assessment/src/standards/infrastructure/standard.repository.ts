import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { StandardDocument, standardInForce } from '../domain/standard';
import { StandardVersion } from './standard-version.entity';

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
}

export function standardRef(doc: StandardDocument): { standardId: string; version: string } {
  return { standardId: doc.standardId, version: doc.version };
}
