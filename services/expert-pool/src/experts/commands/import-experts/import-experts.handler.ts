import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { AuditActor, AuditLog } from '@filing/audit';
import { Clock } from '@filing/runtime';
import { Expert } from '../../infrastructure/expert.entity';
import { ImportJob, ImportMode, RowError } from '../../infrastructure/import-job.entity';
import { createHash } from 'node:crypto';
import { newExpert } from '../create-expert/create-expert.handler';
import { RawRow, validateRow } from './import-rows';
import { ExpertRepository } from '../../infrastructure/expert.repository';

const CHUNK = 250;
const AUDIT_LISTED_IDS = 1000;

/**
 * Runs an import as a job: validate every row (progress in `validated`), then, unless a row failed and the mode is
 * all-or-nothing or the job is only a check, insert the valid rows in one transaction (progress in `imported`).
 */
@Injectable()
export class ImportExpertsHandler {
  private readonly logger = new Logger('ImportExperts');

  constructor(
    private readonly clock: Clock,
    private readonly audit: AuditLog,
    private readonly experts: ExpertRepository,
  ) {}

  async open(level: string, format: ImportJob['format'], mode: ImportMode, total: number, createdBy: string): Promise<ImportJob> {
    const job = Object.assign(new ImportJob(), {
      id: randomUUID(),
      level,
      format,
      mode,
      status: 'running',
      total,
      validated: 0,
      imported: 0,
      errors: [],
      failure: null,
      createdBy,
      createdAt: this.clock.now(),
      finishedAt: null,
    });
    await this.experts.openImportJob(job);
    return job;
  }

  /** Never throws: a failure ends the job as `failed` with the reason. */
  async run(job: ImportJob, rows: RawRow[], actor: AuditActor): Promise<ImportJob> {
    try {
      return await this.process(job, rows, actor);
    } catch (err) {
      this.logger.error(`import ${job.id} failed: ${(err as Error).stack ?? err}`);
      await this.finish(job, { status: 'failed', failure: (err as Error).message });
      return job;
    }
  }

  private async process(job: ImportJob, rows: RawRow[], actor: AuditActor): Promise<ImportJob> {
    const errors: RowError[] = [];
    const valid: { row: RawRow; expert: Expert }[] = [];
    const seen = new Map<string, number>();
    for (let start = 0; start < rows.length; start += CHUNK) {
      const chunk = rows.slice(start, start + CHUNK);
      const checked = chunk.map((r) => ({ r, ...validateRow(r) }));
      const taken = await this.experts.idNumbersTaken(
        job.level,
        checked.flatMap((c) => (c.fields ? [c.fields.idNumber] : [])),
      );
      for (const c of checked) {
        const problems = [...c.problems];
        if (c.fields) {
          const earlier = seen.get(c.fields.idNumber);
          if (earlier !== undefined) problems.push(`idNumber: the same person is already in row ${earlier} of this file`);
          if (taken.has(c.fields.idNumber)) problems.push(`idNumber: already in the ${job.level} database`);
          seen.set(c.fields.idNumber, c.r.row);
        }
        if (problems.length) errors.push({ row: c.r.row, ...(c.r.line ? { line: c.r.line } : {}), problems });
        else valid.push({ row: c.r, expert: newExpert(job.level, c.fields!, this.clock.now()) });
      }
      job.validated = Math.min(rows.length, start + CHUNK);
      await this.progress(job);
      await yieldToEventLoop();
    }
    job.errors = errors;
    if (errors.length && job.mode !== 'partial') return this.finish(job, { status: 'rejected' });
    // A check (校验) changes nothing: the file is sent again, unchanged, to be imported.
    if (job.mode === 'check') return this.finish(job, { status: 'checked' });

    await this.experts.transaction(async (m) => {
      for (let start = 0; start < valid.length; start += CHUNK) {
        await this.experts.insertMany(
          m,
          valid.slice(start, start + CHUNK).map((v) => v.expert),
        );
        job.imported = Math.min(valid.length, start + CHUNK);
        await this.progress(job);
        await yieldToEventLoop();
      }
      // One entry per import: who added which records (ids listed up to AUDIT_LISTED_IDS, always their digest).
      const ids = valid.map((v) => v.expert.id);
      await this.audit.append(m, {
        jurisdiction: job.level,
        action: 'experts-imported',
        actor,
        at: this.clock.now().toISOString(),
        details: {
          importId: job.id,
          format: job.format,
          mode: job.mode,
          imported: ids.length,
          rejectedRows: job.errors.length,
          expertIdsSha256: createHash('sha256')
            .update([...ids].sort().join('\n'))
            .digest('hex'),
          expertIds: ids.length <= AUDIT_LISTED_IDS ? ids : undefined,
        },
      });
    });
    return this.finish(job, { status: 'completed' });
  }

  /** Progress goes through its own connection so pollers see it while the import transaction is still open. */
  private async progress(job: ImportJob): Promise<void> {
    await this.experts.recordImportProgress(job);
  }

  private async finish(job: ImportJob, outcome: Pick<ImportJob, 'status'> & Partial<ImportJob>): Promise<ImportJob> {
    Object.assign(job, outcome, { finishedAt: this.clock.now() });
    if (job.status !== 'completed') job.imported = 0;
    await this.experts.finishImportJob(job);
    return job;
  }
}
