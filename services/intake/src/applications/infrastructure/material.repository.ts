import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { MaterialPart } from '@filing/contracts';
import { Material } from './material.entity';

/** The material versions of each application (metadata; the bytes are in material-file.store's chunks). */
@Injectable()
export class MaterialRepository {
  /** Every version of every checklist item, by item, newest version first. */
  async versions(m: EntityManager, applicationId: string): Promise<Material[]> {
    return m.find(Material, { where: { applicationId }, order: { checklistItem: 'ASC', version: 'DESC' } });
  }

  /** The latest version of every checklist item uploaded for an application: what a submission carries. */
  async current(m: EntityManager, applicationId: string): Promise<Material[]> {
    const latest = new Map<string, Material>();
    for (const material of await this.versions(m, applicationId)) if (!latest.has(material.checklistItem)) latest.set(material.checklistItem, material);
    return [...latest.values()];
  }

  /** One version with its content reference (not loaded by default), if it belongs to the application. */
  async withContent(m: EntityManager, applicationId: string, materialId: string): Promise<Material | null> {
    return m
      .createQueryBuilder(Material, 'm')
      .addSelect('m.content')
      .where('m.id = :materialId AND m.application_id = :applicationId', { materialId, applicationId })
      .getOne();
  }

  /** Bytes the application holds in materials (for its quota). */
  async usedBytes(m: EntityManager, applicationId: string): Promise<number> {
    const [{ used }] = await m.query(`SELECT coalesce(sum(size), 0)::bigint AS used FROM intake.material WHERE application_id = $1`, [applicationId]);
    return Number(used);
  }

  /** The version the next upload of this checklist item gets. */
  async nextVersion(m: EntityManager, applicationId: string, checklistItem: string): Promise<number> {
    const [{ max }] = await m.query(`SELECT coalesce(max(version), 0)::int AS max FROM intake.material WHERE application_id = $1 AND checklist_item = $2`, [
      applicationId,
      checklistItem,
    ]);
    return max + 1;
  }

  async insert(m: EntityManager, material: Material): Promise<void> {
    await m.insert(Material, material);
  }
}

/** Material metadata for an event or an answer (never the bytes). */
export function materialPart(m: Material): MaterialPart {
  return {
    materialId: m.id,
    checklistItem: m.checklistItem,
    fileName: m.fileName,
    contentType: m.contentType,
    size: m.size,
    sha256: m.sha256,
    version: m.version,
  };
}
