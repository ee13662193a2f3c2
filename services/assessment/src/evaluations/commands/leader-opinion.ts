import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { AuditLog, principalActor } from '@filing/audit';
import { Principal } from '@filing/auth';
import { CaseStage, Events } from '@filing/contracts';
import { OutboxWriter } from '@filing/messaging';
import { Clock, MissingPrecondition } from '@filing/runtime';
import { ScoringScope } from '../../standards/domain/standard';
import { StandardVersion } from '../../standards/infrastructure/standard-version.entity';
import { GroupMember } from '../domain/group-member';
import { OpinionDocument, opinionEvent } from '../domain/opinion-document';
import { requireLeader, requireStage } from '../evaluation-access';
import { Evaluation } from '../infrastructure/evaluation.entity';
import { EvaluationRepository } from '../infrastructure/evaluation.repository';

/** What the opening of a leader's opinion found: the case, its leader and its pinned standard. */
export interface OpenedOpinion {
  ev: Evaluation;
  leader: GroupMember;
  standard: StandardVersion;
  scope: ScoringScope;
}

/** The head every opinion shares: the case, the institution, the group and the standard. */
type OpinionHead = 'caseId' | 'jurisdiction' | 'applicant' | 'institutionKind' | 'applicationKind' | 'occupations' | 'group' | 'standard';

/** What an opinion of one kind adds to the head. */
export type OpinionBody = Omit<OpinionDocument, OpinionHead | 'opinionId' | 'submittedAt'>;

/**
 * What the three opinions (初评意见, 技术评估意见, 综合技术评估意见) share: the leader opens them the same way (the case
 * locked, the caller its 组长, the case at an allowed stage, the pinned standard) and they are stored, audited and put
 * in the outbox (`assessment.opinion.submitted.v1`) the same way, in the handler's transaction.
 */
@Injectable()
export class LeaderOpinion {
  constructor(
    private readonly evaluations: EvaluationRepository,
    private readonly outbox: OutboxWriter,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async open(manager: EntityManager, caseId: string, principal: Principal, stages: CaseStage[], action: string): Promise<OpenedOpinion> {
    const ev = await this.evaluations.lockedOrNotFound(manager, caseId);
    const leader = requireLeader(ev, principal);
    requireStage(ev, stages, action);
    const { standard, scope } = await this.evaluations.pinnedStandard(manager, ev);
    return { ev, leader, standard, scope };
  }

  header(ev: Evaluation, standard: StandardVersion, leader: GroupMember): Pick<OpinionDocument, OpinionHead> {
    const d = standard.document;
    return {
      caseId: ev.caseId,
      jurisdiction: ev.jurisdiction ?? '',
      applicant: ev.applicant,
      institutionKind: ev.institutionKind,
      applicationKind: ev.applicationKind,
      occupations: (ev.occupations ?? []).map((o) => ({ code: o.code, name: o.name, workType: o.workType, levels: o.levels })),
      group: { groupId: ev.groupId, leader: { expertId: leader.expertId, name: leader.name }, members: ev.members },
      standard: { standardId: d.standardId, version: d.version, title: d.title, provisional: d.provisional, total: d.total, passLine: d.passLine },
    };
  }

  /** Stores the opinion, audits it and puts it in the outbox; an opinion of the same kind and round is refused. */
  async publish(manager: EntityManager, opened: OpenedOpinion, body: OpinionBody, principal: Principal): Promise<OpinionDocument> {
    const doc: OpinionDocument = {
      ...this.header(opened.ev, opened.standard, opened.leader),
      opinionId: randomUUID(),
      ...body,
      submittedAt: this.clock.now().toISOString(),
    };
    const existing = await this.evaluations.opinion(manager, doc.caseId, doc.kind, doc.round);
    if (existing)
      throw new MissingPrecondition(
        `the ${doc.kind} opinion of case ${doc.caseId}${doc.kind === 'preliminary' || doc.round > 1 ? ` (round ${doc.round})` : ''} was already submitted`,
      );
    await this.evaluations.addOpinion(manager, {
      id: doc.opinionId,
      caseId: doc.caseId,
      kind: doc.kind,
      round: doc.round,
      result: doc.result,
      document: doc as unknown as Record<string, unknown>,
      leaderExpertId: doc.group.leader.expertId,
      submittedAt: new Date(doc.submittedAt),
    });
    await this.audit.append(manager, {
      caseId: doc.caseId,
      jurisdiction: doc.jurisdiction || null,
      action: `${doc.kind}-opinion-submitted`,
      actor: principalActor(principal, 'expert'),
      at: doc.submittedAt,
      reason: doc.reasons.length ? doc.reasons.join('; ') : null,
      details: {
        opinionId: doc.opinionId,
        kind: doc.kind,
        round: doc.round,
        result: doc.result,
        summary: doc.summary,
        total: doc.consolidation?.total ?? null,
        standard: { standardId: doc.standard.standardId, version: doc.standard.version },
        ...(doc.plenary
          ? {
              meeting: doc.plenary.meeting,
              scoreResult: doc.plenary.scoreResult,
              overrideReason: doc.plenary.overrideReason ?? null,
              occupations: doc.plenary.occupationOutcomes.map((o) => ({ code: o.code, workType: o.workType ?? null, levels: o.levels })),
            }
          : {}),
      },
    });
    await this.outbox.add(manager, Events.opinionSubmitted, opinionEvent(doc));
    return doc;
  }
}
