import { ConflictException, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditActor, AuditLog } from '@filing/audit';
import { Events } from '@filing/contracts';
import { OutboxWriter } from '@filing/messaging';
import { StandardVersion } from '../standards/domain/standard.entity';
import { Evaluation, GroupMember } from './domain/evaluation.entity';
import { Opinion } from './domain/opinion.entity';
import { OpinionDocument, opinionEvent } from './domain/opinion-document';

/** Stores an opinion, audits it and puts `assessment.opinion.submitted.v1` in the outbox, in the caller's transaction. */
@Injectable()
export class OpinionPublisher {
  constructor(
    private readonly outbox: OutboxWriter,
    private readonly audit: AuditLog,
  ) {}

  header(ev: Evaluation, standard: StandardVersion, leader: GroupMember): Omit<OpinionDocument, 'opinionId' | 'kind' | 'round' | 'result' | 'summary' | 'reasons' | 'submittedAt'> {
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

  async publish(manager: EntityManager, doc: OpinionDocument, actor: AuditActor): Promise<OpinionDocument> {
    const existing = await manager.findOneBy(Opinion, { caseId: doc.caseId, kind: doc.kind, round: doc.round });
    if (existing) throw new ConflictException(`the ${doc.kind} opinion of case ${doc.caseId}${doc.kind === 'preliminary' ? ` (round ${doc.round})` : ''} was already submitted`);
    await manager.save(Opinion, {
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
      actor,
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
      },
    });
    await this.outbox.add(manager, Events.opinionSubmitted, opinionEvent(doc));
    return doc;
  }
}
