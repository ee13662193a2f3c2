import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ExpertGroupRequested } from '@filing/contracts';
import { UnprocessableEventError } from '@filing/messaging';
import { EvaluationRepository } from '../../infrastructure/evaluation.repository';

/**
 * The work plan and expert request tells assessment what it evaluates: institution kind, application kind,
 * occupations. Runs in the consumer's transaction (the inbox row is in it).
 */
@Injectable()
export class RecordCaseFactsHandler {
  private readonly logger = new Logger('RecordCaseFacts');

  constructor(private readonly evaluations: EvaluationRepository) {}

  async execute(manager: EntityManager, e: ExpertGroupRequested): Promise<void> {
    const ev = await this.evaluations.ensureLocked(manager, e.caseId);
    if (ev.standardSeq && (ev.institutionKind !== e.applicant.kind || ev.applicationKind !== e.applicationKind)) {
      throw new UnprocessableEventError(
        `case ${e.caseId} is already evaluated as ${ev.institutionKind}/${ev.applicationKind} against a pinned standard; the request says ${e.applicant.kind}/${e.applicationKind}`,
      );
    }
    ev.jurisdiction = e.jurisdiction;
    ev.institutionKind = e.applicant.kind;
    ev.applicationKind = e.applicationKind;
    ev.applicant = { name: e.applicant.name, creditCode: e.applicant.creditCode };
    ev.occupations = e.occupations;
    await this.evaluations.pinStandardIfReady(manager, ev);
    await this.evaluations.save(manager, ev);
    this.logger.log(`case ${e.caseId}: facts recorded (${e.applicant.kind}, ${e.applicationKind})`);
  }
}
