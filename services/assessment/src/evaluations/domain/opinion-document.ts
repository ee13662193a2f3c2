// The opinion as a document: what the leader submitted, with everything the paper form shows. Pure domain code.
import type { OpinionKind, OpinionSubmitted } from '@filing/contracts';
import type { Consolidation } from './consolidation';
import type { GroupMember } from './group-member';
import type { PlenaryConclusion } from './plenary-conclusion';

export interface OpinionDocument {
  opinionId: string;
  caseId: string;
  jurisdiction: string;
  kind: OpinionKind;
  /** Preliminary review round (1, then +1 after each return); 1 for the other kinds. */
  round: number;
  result: 'pass' | 'fail';
  summary: string;
  reasons: string[];
  applicant: { name: string; creditCode: string } | null;
  institutionKind: 'employer' | 'social-org' | null;
  applicationKind: 'new-filing' | 'add-occupation' | null;
  occupations: { code: string; name: string; workType?: string; levels: number[] }[];
  group: { groupId: string | null; leader: { expertId: string; name: string }; members: GroupMember[] };
  standard: { standardId: string; version: string; title: string; provisional: boolean; total: number; passLine: number };
  findings?: {
    expertId: string;
    name: string;
    subItemId: string | null;
    materialRef: string | null;
    material?: { materialId: string; version: number; page?: number } | null;
    text: string;
    recordedAt: string;
  }[];
  consolidation?: Consolidation & { occupationOnly: boolean };
  methodsUsed?: string[];
  /** The on-site visit record the technical opinion rests on: plan, attendance, entries by method, items covered. */
  onsiteVisit?: {
    date: string;
    place: string;
    members: { expertId: string; name: string; signedInAt: string | null }[];
    records: {
      recordId: string;
      method: string;
      name: string;
      notes: string;
      detail: string;
      itemIds: string[];
      evidence: { fileName: string; sha256: string }[];
    }[];
    coverage: { itemId: string; title: string; methods: string[] }[];
  } | null;
  evidenceNotes?: { expertId: string; name: string; note: string }[];
  dissent?: { expertId: string; name: string; opinion: string }[];
  /** Comprehensive: the plenary meeting, the group's result against the arithmetic, the outcome per occupation. */
  plenary?: PlenaryConclusion;
  technicalOpinionId?: string;
  submittedAt: string;
}

/** The event review receives. Veto items are named "<id> <title>" so review can show them without the standard. */
export function opinionEvent(doc: OpinionDocument): OpinionSubmitted {
  const event: OpinionSubmitted = {
    caseId: doc.caseId,
    jurisdiction: doc.jurisdiction,
    opinionId: doc.opinionId,
    kind: doc.kind,
    result: doc.result,
    summary: [doc.summary, ...doc.reasons.map((r, i) => `${i + 1}. ${r}`)].join('\n').slice(0, 8000),
    standard: { standardId: doc.standard.standardId, version: doc.standard.version },
    leaderExpertId: doc.group.leader.expertId,
    submittedAt: doc.submittedAt,
  };
  const c = doc.consolidation;
  if (c) {
    event.total = c.total;
    event.passLine = c.passLine;
    event.items = c.items.map((i) => ({ itemId: i.itemId, title: i.title, maxPoints: i.maxPoints, score: i.score }));
    event.vetoes = c.vetoes.map((v) => `${v.vetoId} ${v.title}`);
    event.vetoed = c.vetoed;
  }
  const p = doc.plenary;
  if (p) {
    event.round = doc.round;
    event.meeting = { date: p.meeting.date, ...(p.meeting.place ? { place: p.meeting.place } : {}), attendees: p.meeting.attendees.map((a) => a.expertId) };
    event.scoreResult = p.scoreResult;
    if (p.overrideReason) event.overrideReason = p.overrideReason;
    event.occupationOutcomes = p.occupationOutcomes.map((o) => ({ ...o, appliedLevels: [...o.appliedLevels], levels: [...o.levels] }));
  }
  if (doc.dissent?.length) event.dissent = doc.dissent.map((d) => `${d.name}（${d.expertId}）：${d.opinion}`);
  return event;
}
