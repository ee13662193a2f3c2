// The material checklist (备案材料清单) of an application: data in checklists.json, rules here.
import type { ApplicationKind, InstitutionKind } from '@filing/contracts';
import data from './checklists.json';

export interface ChecklistItem {
  /** Stable code, e.g. `application-report`; materials are uploaded against it. */
  item: string;
  /** The name applicants know, e.g. 申请报告. */
  title: string;
  required: boolean;
  /** Only for these institution kinds; every kind when absent. */
  institutionKinds?: InstitutionKind[];
}

const CHECKLISTS = data as unknown as Record<ApplicationKind, ChecklistItem[]>;

/** The items an institution of this kind may upload for this application kind. */
export function checklistFor(applicationKind: ApplicationKind, institutionKind: InstitutionKind): ChecklistItem[] {
  return (CHECKLISTS[applicationKind] ?? []).filter((i) => !i.institutionKinds || i.institutionKinds.includes(institutionKind));
}

/** Required items with no uploaded material, in checklist order. */
export function missingItems(checklist: ChecklistItem[], uploaded: Iterable<string>): ChecklistItem[] {
  const have = new Set(uploaded);
  return checklist.filter((i) => i.required && !have.has(i.item));
}
