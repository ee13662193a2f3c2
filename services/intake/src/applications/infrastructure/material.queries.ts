import { EntityManager } from 'typeorm';
import type { MaterialPart } from '@filing/contracts';
import { Material } from './material.entity';

/** The latest version of every checklist item uploaded for an application: what a submission carries. */
export async function currentMaterials(manager: EntityManager, applicationId: string): Promise<Material[]> {
  const all = await manager.find(Material, { where: { applicationId }, order: { checklistItem: 'ASC', version: 'DESC' } });
  const latest = new Map<string, Material>();
  for (const m of all) if (!latest.has(m.checklistItem)) latest.set(m.checklistItem, m);
  return [...latest.values()];
}

/** Material metadata for an event (never the bytes). */
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
