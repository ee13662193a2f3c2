import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AuditLog, principalActor } from '@filing/audit';
import { Principal } from '@filing/auth';
import { Events, PROVINCE_CODE } from '@filing/contracts';
import { OutboxWriter } from '@filing/messaging';
import { Clock } from '@filing/runtime';
import { RowError, validateHistoricalRows } from '../../domain/historical-register';
import { FilingsRepository } from '../../infrastructure/filings.repository';
import { RegisterImportsRepository } from '../../infrastructure/register-imports.repository';

export interface HistoricalImportResult {
  importId: string;
  status: 'imported' | 'rejected';
  rows: number;
  imported: number;
  institutions: { creditCode: string; name: string; occupations: number }[];
  errors: RowError[];
}

/**
 * 历史备案导入: institutions filed before the platform, into the register (with source `historical`), all or nothing.
 * Each imported institution is announced to intake (`publication.register.entry-imported.v1`, outbox, same
 * transaction) so it may apply to add occupations. Not on the national feed: the national platform has them already.
 */
@Injectable()
export class ImportHistoricalRegisterHandler {
  constructor(
    private readonly filings: FilingsRepository,
    private readonly imports: RegisterImportsRepository,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
  ) {}

  async import(grid: string[][], fileName: string, principal: Principal): Promise<HistoricalImportResult> {
    const importId = randomUUID();
    const at = this.clock.now();
    return this.filings.transaction(async (manager) => {
      // One import at a time: two at once could both pass the "already in the register" check for one institution.
      await this.imports.lockImports(manager);
      const filed = new Set(await this.imports.creditCodes(manager));
      const { entries, errors, rows } = validateHistoricalRows(grid, filed);
      const importedBy = { subject: principal.sub, role: 'admin', jurisdiction: principal.jurisdiction };
      if (errors.length) {
        await this.imports.record(manager, { id: importId, fileName, status: 'rejected', rows, imported: 0, errors, importedBy, at });
        return { importId, status: 'rejected' as const, rows, imported: 0, institutions: [], errors };
      }
      for (const e of entries) {
        await this.filings.insertEntry(manager, {
          creditCode: e.creditCode,
          name: e.name,
          kind: e.kind,
          jurisdiction: e.jurisdiction,
          jurisdictionName: e.jurisdictionName,
          scope: e.kind === 'employer' ? 'own-employees' : 'public',
          contact: e.address ? { address: e.address } : {},
          address: e.address,
          occupations: e.occupations,
          filings: [{ noticeNumber: e.noticeNumber, noticeDate: e.noticeDate, applicationKind: 'historical', occupations: e.occupations.map((o) => o.code) }],
          noticeNumber: e.noticeNumber,
          noticeDate: e.noticeDate,
          at,
          filingNumber: e.filingNumber,
          source: 'historical',
        });
        await this.outbox.add(manager, Events.registerEntryImported, {
          importId,
          institution: {
            name: e.name,
            creditCode: e.creditCode,
            kind: e.kind,
            province: PROVINCE_CODE,
            jurisdiction: e.jurisdiction,
            jurisdictionName: e.jurisdictionName,
            ...(e.address ? { address: e.address } : {}),
          },
          noticeNumber: e.noticeNumber,
          noticeDate: e.noticeDate,
          ...(e.filingNumber ? { filingNumber: e.filingNumber } : {}),
          occupations: e.occupations,
          importedAt: at.toISOString(),
        });
      }
      await this.imports.record(manager, { id: importId, fileName, status: 'imported', rows, imported: entries.length, errors: [], importedBy, at });
      await this.audit.append(manager, {
        caseId: null,
        jurisdiction: PROVINCE_CODE,
        action: 'historical-register-imported',
        fromStage: null,
        toStage: null,
        actor: principalActor(principal, 'admin'),
        at: at.toISOString(),
        reason: null,
        details: { importId, fileName, rows, creditCodes: entries.map((e) => e.creditCode) },
      });
      return {
        importId,
        status: 'imported' as const,
        rows,
        imported: entries.length,
        institutions: entries.map((e) => ({ creditCode: e.creditCode, name: e.name, occupations: e.occupations.length })),
        errors: [],
      };
    });
  }
}
