import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { createHash, randomUUID } from 'node:crypto';
import { AuditLog, principalActor } from '@filing/audit';
import { Principal } from '@filing/auth';
import { Clock, DomainError, NotFound } from '@filing/runtime';
import { AssessmentConfig } from '../../../infrastructure/assessment.config';
import { checkEvidence } from '../../domain/onsite-visit';
import { EvaluationRepository } from '../../infrastructure/evaluation.repository';
import { VisitEvidence } from '../../infrastructure/onsite-visit.entity';
import { openVisitRecord } from '../record-visit-method/record-visit-method.handler';

/** An evidence file refused for what it is: empty (400), too large (413), or not an accepted type (415). */
export class EvidenceRefused extends DomainError {
  readonly onEvent = 'dead-letter' as const;
  constructor(
    readonly status: 400 | 413 | 415,
    message: string,
  ) {
    super({ message, code: status === 413 ? 'EVIDENCE_TOO_LARGE' : status === 415 ? 'EVIDENCE_TYPE_REFUSED' : 'EVIDENCE_EMPTY' });
  }
}

export interface EvidenceUpload {
  fileName: string;
  declaredType: string;
  bytes: Buffer;
}

/** 佐证: a photo or document backing an entry of the visit record, kept with its sha-256. */
@Injectable()
export class UploadVisitEvidenceHandler {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly evaluations: EvaluationRepository,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
    @Inject(AssessmentConfig) private readonly config: AssessmentConfig,
  ) {}

  async execute(caseId: string, recordId: string, file: EvidenceUpload, principal: Principal) {
    return this.dataSource.transaction(async (manager) => {
      const { ev, member } = await openVisitRecord(this.evaluations, manager, caseId, principal);
      const record = await this.evaluations.visitRecord(manager, caseId, recordId);
      if (!record) throw new NotFound(`现场评估记录 ${recordId} 不存在`);
      const verdict = checkEvidence(file.declaredType, file.bytes, this.config.evidenceMaxBytes);
      if (!verdict.ok) throw new EvidenceRefused(verdict.status, verdict.message);
      const evidence = Object.assign(new VisitEvidence(), {
        id: randomUUID(),
        caseId,
        recordId,
        fileName: file.fileName.slice(0, 255) || 'file',
        contentType: verdict.contentType,
        size: file.bytes.length,
        sha256: createHash('sha256').update(file.bytes).digest('hex'),
        content: file.bytes,
        uploadedBy: member.expertId,
        uploadedAt: this.clock.now(),
      });
      await this.evaluations.addEvidence(manager, evidence);
      await this.audit.append(manager, {
        caseId,
        jurisdiction: ev.jurisdiction,
        action: 'onsite-evidence-uploaded',
        actor: principalActor(principal, 'expert'),
        at: evidence.uploadedAt.toISOString(),
        details: { evidenceId: evidence.id, recordId, method: record.method, fileName: evidence.fileName, size: evidence.size, sha256: evidence.sha256 },
      });
      const { content: _content, ...metadata } = evidence;
      return { ...metadata, evidenceId: evidence.id, uploadedAt: evidence.uploadedAt.toISOString() };
    });
  }
}
