import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AuditLog, principalActor } from '@filing/audit';
import { Principal } from '@filing/auth';
import { Clock, DomainError, IllegalStep, InvalidCommand, NotFound, RuleRefusal } from '@filing/runtime';
import { formatNoticeNumber } from '../../../filings/domain/filing-notice-number';
import { CounterRepository } from '../../../infrastructure/counter.repository';
import { PUBLICATION_CONFIG, PublicationConfig } from '../../../infrastructure/publication.config';
import { BatchRefusal, batchListProblem, batchNoticesProblem } from '../../domain/notice-batch';
import { NoticeBatchesRepository } from '../../infrastructure/notice-batches.repository';
import { CreateNoticeBatchRequest } from './create-notice-batch.request';

function refusal(r: BatchRefusal): DomainError {
  const body = { message: r.message, code: r.code, ...(r.noticeIds ? { noticeIds: r.noticeIds } : {}) };
  switch (r.kind) {
    case 'invalid':
      return new InvalidCommand(body);
    case 'not-found':
      return new NotFound(body);
    case 'conflict':
      return new IllegalStep(body);
    case 'rule':
      return new RuleRefusal(body);
  }
}

/**
 * 合并发布公示: the centre groups open notices of its jurisdiction into one 公示 with its own number (the 公示编号
 * counter of the jurisdiction and year, as a single notice's) and date. Only the grouping is decided here: each
 * notice keeps its window, objections and outcome. One transaction: the notices locked, the batch, the audit entry.
 */
@Injectable()
export class CreateNoticeBatchHandler {
  constructor(
    private readonly batches: NoticeBatchesRepository,
    private readonly counters: CounterRepository,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
    @Inject(PUBLICATION_CONFIG) private readonly config: PublicationConfig,
  ) {}

  async create(body: CreateNoticeBatchRequest, principal: Principal) {
    const listProblem = batchListProblem(body.noticeIds);
    if (listProblem) throw refusal(listProblem);
    return this.batches.transaction(async (manager) => {
      const today = this.clock.today();
      const found = await this.batches.lockCandidates(manager, body.noticeIds);
      const problem = batchNoticesProblem(body.noticeIds, found, (j) => principal.canActInJurisdiction(j), today);
      if (problem) throw refusal(problem);
      const jurisdiction = found[0].jurisdiction;
      const year = Number(today.slice(0, 4));
      const seq = await this.counters.next(manager, `public-notice:${jurisdiction}:${year}`);
      const number = formatNoticeNumber(this.config.publicNoticeNumberTemplate, year, seq);
      const id = randomUUID();
      const now = this.clock.now();
      const actor = principalActor(principal, 'center-staff');
      await this.batches.insert(manager, { id, number, jurisdiction, issueDate: today, createdBy: actor, createdAt: now, noticeIds: body.noticeIds });
      await this.audit.append(manager, {
        caseId: null,
        jurisdiction,
        action: 'notice-batch-created',
        fromStage: null,
        toStage: null,
        actor,
        at: now.toISOString(),
        reason: null,
        details: { batchId: id, number, noticeIds: body.noticeIds },
      });
      const batch = (await this.batches.find(id, manager))!;
      return {
        batchId: id,
        number,
        jurisdiction,
        issueDate: today,
        notices: batch.notices.map((n, i) => ({ position: i + 1, noticeId: n.id, caseId: n.caseId, institutionName: n.institution.name })),
        url: `/public/notice-batches/${id}`,
        pdfUrl: `/public/notice-batches/${id}.pdf`,
      };
    });
  }
}
