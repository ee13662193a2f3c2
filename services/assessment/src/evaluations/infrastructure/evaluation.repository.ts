import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { chinaDate, MissingPrecondition, NotFound } from '@filing/runtime';
import { UnprocessableEventError } from '@filing/messaging';
import type { OpinionKind } from '@filing/contracts';
import { StandardRepository } from '../../standards/infrastructure/standard.repository';
import { StandardVersion } from '../../standards/infrastructure/standard-version.entity';
import { ScoringScope, scoringScope } from '../../standards/domain/standard';
import { Evaluation } from './evaluation.entity';
import { Finding } from './finding.entity';
import { Opinion } from './opinion.entity';
import { OnsiteVisit, VisitEvidence, VisitRecord } from './onsite-visit.entity';
import { ScoreSheet } from './score-sheet.entity';

/** Every read and write of the evaluations module: evaluations, findings, score sheets, the on-site visit and opinions. */
@Injectable()
export class EvaluationRepository {
  constructor(private readonly standards: StandardRepository) {}

  /** The case's evaluation, created empty if this is the first fact about it, locked for the transaction. */
  async ensureLocked(manager: EntityManager, caseId: string): Promise<Evaluation> {
    await manager.query(`INSERT INTO assessment.evaluation (case_id, version) VALUES ($1, 1) ON CONFLICT DO NOTHING`, [caseId]);
    return manager.findOneOrFail(Evaluation, { where: { caseId }, lock: { mode: 'pessimistic_write' } });
  }

  async lockedOrNotFound(manager: EntityManager, caseId: string): Promise<Evaluation> {
    const found = await manager.findOne(Evaluation, { where: { caseId }, lock: { mode: 'pessimistic_write' } });
    if (!found) throw new NotFound(`no evaluation for case ${caseId}`);
    return found;
  }

  async findOrNotFound(manager: EntityManager, caseId: string): Promise<Evaluation> {
    const found = await manager.findOne(Evaluation, { where: { caseId } });
    if (!found) throw new NotFound(`no evaluation for case ${caseId}`);
    return found;
  }

  async save(manager: EntityManager, ev: Evaluation): Promise<void> {
    await manager.save(ev);
  }

  /**
   * The evaluation starts when the group is formed (the kick-off meeting that "unifies the scoring standard",
   * procedure 二(三)1): the version in force on the China date of formation is pinned once, and never changes after.
   * Needs both the formation and the institution kind, which arrive on different topics in either order.
   */
  async pinStandardIfReady(manager: EntityManager, ev: Evaluation): Promise<void> {
    if (ev.standardSeq || !ev.formedAt || !ev.institutionKind) return;
    const day = chinaDate(ev.formedAt);
    const found = await this.standards.inForce(manager, ev.institutionKind, day);
    if (!found) throw new UnprocessableEventError(`no ${ev.institutionKind} evaluation standard is in force on ${day}; case ${ev.caseId} cannot be evaluated`);
    ev.standardSeq = found.seq;
    ev.standardPinnedFor = day;
  }

  async pinnedStandard(manager: EntityManager, ev: Evaluation): Promise<{ standard: StandardVersion; scope: ScoringScope }> {
    if (!ev.standardSeq || !ev.applicationKind)
      throw new MissingPrecondition(`case ${ev.caseId} has no evaluation standard yet: the group is not formed or the case facts have not arrived`);
    const standard = await this.standards.bySeq(manager, ev.standardSeq);
    return { standard, scope: scoringScope(standard.document, ev.applicationKind) };
  }

  async standardOf(manager: EntityManager, ev: Evaluation): Promise<StandardVersion | null> {
    return ev.standardSeq ? manager.findOneBy(StandardVersion, { seq: ev.standardSeq }) : null;
  }

  async addFinding(manager: EntityManager, finding: Finding): Promise<void> {
    await manager.insert(Finding, finding);
  }

  async findingsOfRound(manager: EntityManager, caseId: string, round: number): Promise<Finding[]> {
    return manager.find(Finding, { where: { caseId, round }, order: { recordedAt: 'ASC' } });
  }

  async findings(manager: EntityManager, caseId: string): Promise<Finding[]> {
    return manager.find(Finding, { where: { caseId }, order: { recordedAt: 'ASC' } });
  }

  async sheetOf(manager: EntityManager, caseId: string, expertId: string): Promise<ScoreSheet | null> {
    return manager.findOneBy(ScoreSheet, { caseId, expertId });
  }

  async saveSheet(manager: EntityManager, sheet: ScoreSheet): Promise<void> {
    await manager.save(sheet);
  }

  async sheets(manager: EntityManager, caseId: string, status?: ScoreSheet['status']): Promise<ScoreSheet[]> {
    return manager.find(ScoreSheet, { where: status ? { caseId, status } : { caseId } });
  }

  async opinion(manager: EntityManager, caseId: string, kind: OpinionKind, round?: number): Promise<Opinion | null> {
    return manager.findOneBy(Opinion, round === undefined ? { caseId, kind } : { caseId, kind, round });
  }

  async submittedSheets(manager: EntityManager, caseId: string): Promise<ScoreSheet[]> {
    return manager.find(ScoreSheet, { where: { caseId, status: 'submitted' }, order: { submittedAt: 'ASC' } });
  }

  /** The latest opinion of a kind (the last preliminary round's, for the preliminary opinion). */
  async latestOpinion(manager: EntityManager, caseId: string, kind: OpinionKind): Promise<Opinion | null> {
    return manager.findOne(Opinion, { where: { caseId, kind }, order: { round: 'DESC' } });
  }

  async opinions(manager: EntityManager, caseId: string): Promise<Opinion[]> {
    return manager.find(Opinion, { where: { caseId }, order: { submittedAt: 'ASC' } });
  }

  async addOpinion(manager: EntityManager, opinion: Opinion): Promise<void> {
    await manager.save(Opinion, opinion);
  }

  async visit(manager: EntityManager, caseId: string): Promise<OnsiteVisit | null> {
    return manager.findOneBy(OnsiteVisit, { caseId });
  }

  async saveVisit(manager: EntityManager, visit: OnsiteVisit): Promise<void> {
    await manager.save(visit);
  }

  async addVisitRecord(manager: EntityManager, record: VisitRecord): Promise<void> {
    await manager.insert(VisitRecord, record);
  }

  async visitRecords(manager: EntityManager, caseId: string): Promise<VisitRecord[]> {
    return manager.find(VisitRecord, { where: { caseId }, order: { recordedAt: 'ASC' } });
  }

  async visitRecord(manager: EntityManager, caseId: string, recordId: string): Promise<VisitRecord | null> {
    return manager.findOneBy(VisitRecord, { caseId, id: recordId });
  }

  async addEvidence(manager: EntityManager, evidence: VisitEvidence): Promise<void> {
    await manager.insert(VisitEvidence, evidence);
  }

  /** Evidence metadata (without the bytes). */
  async evidenceOf(manager: EntityManager, caseId: string): Promise<VisitEvidence[]> {
    return manager.find(VisitEvidence, { where: { caseId }, order: { uploadedAt: 'ASC' } });
  }

  /** One evidence file with its bytes. */
  async evidenceFile(manager: EntityManager, caseId: string, evidenceId: string): Promise<VisitEvidence | null> {
    return manager
      .createQueryBuilder(VisitEvidence, 'e')
      .addSelect('e.content')
      .where('e.id = :evidenceId AND e.case_id = :caseId', { evidenceId, caseId })
      .getOne();
  }
}
