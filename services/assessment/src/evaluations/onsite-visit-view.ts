import { EntityManager } from 'typeorm';
import { StandardItem } from '../standards/domain/standard';
import { ItemCoverage, recordDetailText, visitCoverage } from './domain/onsite-visit';
import { GroupMember } from './domain/group-member';
import { Evaluation } from './infrastructure/evaluation.entity';
import { EvaluationRepository } from './infrastructure/evaluation.repository';

/** The on-site visit as the group, the centre and the technical opinion see it. */
export interface OnsiteVisitView {
  date: string;
  place: string;
  members: { expertId: string; name: string; signedInAt: string | null }[];
  records: {
    recordId: string;
    method: string;
    expertId: string;
    name: string;
    notes: string;
    detail: string;
    details: Record<string, unknown>;
    itemIds: string[];
    materials: { materialId: string; version: number; page?: number }[];
    evidence: { evidenceId: string; fileName: string; contentType: string; size: number; sha256: string; uploadedAt: string }[];
    recordedAt: string;
  }[];
  coverage: ItemCoverage[];
}

const nameOf = (members: GroupMember[], expertId: string) => members.find((m) => m.expertId === expertId)?.name ?? expertId;

/** The case's visit, or null when it is not scheduled yet. `items` are the scoped items of the pinned standard. */
export async function onsiteVisitView(
  evaluations: EvaluationRepository,
  manager: EntityManager,
  ev: Evaluation,
  items: StandardItem[],
): Promise<OnsiteVisitView | null> {
  const visit = await evaluations.visit(manager, ev.caseId);
  if (!visit) return null;
  const records = await evaluations.visitRecords(manager, ev.caseId);
  const evidence = await evaluations.evidenceOf(manager, ev.caseId);
  return {
    date: visit.date,
    place: visit.place,
    members: visit.memberIds.map((id) => ({
      expertId: id,
      name: nameOf(ev.members, id),
      signedInAt: visit.attendance.find((a) => a.expertId === id)?.signedInAt ?? null,
    })),
    records: records.map((r) => ({
      recordId: r.id,
      method: r.method,
      expertId: r.expertId,
      name: nameOf(ev.members, r.expertId),
      notes: r.notes,
      detail: recordDetailText({ method: r.method, notes: r.notes, itemIds: r.itemIds, ...r.details }),
      details: r.details,
      itemIds: r.itemIds,
      materials: r.materials,
      evidence: evidence
        .filter((e) => e.recordId === r.id)
        .map((e) => ({
          evidenceId: e.id,
          fileName: e.fileName,
          contentType: e.contentType,
          size: e.size,
          sha256: e.sha256,
          uploadedAt: e.uploadedAt.toISOString(),
        })),
      recordedAt: r.recordedAt.toISOString(),
    })),
    coverage: visitCoverage(items, records),
  };
}
