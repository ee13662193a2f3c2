import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { StandardDocument, standardInForce } from './domain/standard';
import { StandardVersion } from './domain/standard.entity';

/** Reads the loaded standard versions; used by the standards queries and when an evaluation pins its version. */
@Injectable()
export class StandardCatalogue {
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
}

export function standardRef(doc: StandardDocument): { standardId: string; version: string } {
  return { standardId: doc.standardId, version: doc.version };
}
