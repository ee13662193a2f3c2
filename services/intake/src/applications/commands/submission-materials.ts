import type { MaterialPart } from '@filing/contracts';
import { RuleRefusal } from '@filing/runtime';
import { checklistFor, missingItems } from '../domain/checklist';
import { Application } from '../infrastructure/application.entity';
import { Material } from '../infrastructure/material.entity';

/**
 * A submission and a resubmission carry the current version of every checklist item: refused, naming each missing
 * item and its title, while a required item has no upload.
 */
export function refuseMissingMaterials(application: Application, current: Material[]): void {
  const missing = missingItems(
    checklistFor(application.applicationKind, application.institution.kind),
    current.map((m) => m.checklistItem),
  );
  if (missing.length > 0) {
    throw new RuleRefusal({
      error: 'Unprocessable Entity',
      message: `required materials are missing: ${missing.map((i) => `${i.item} (${i.title})`).join(', ')}`,
      missing,
    });
  }
}

/** The audit log's record of the materials a step sent on: which version of which item, and its digest. */
export function auditedMaterials(parts: MaterialPart[]) {
  return parts.map((m) => ({ materialId: m.materialId, checklistItem: m.checklistItem, version: m.version, sha256: m.sha256 }));
}
