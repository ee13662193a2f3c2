import { Injectable } from '@nestjs/common';
import { creditCodeProblem, RegisterEntryImported } from '@filing/contracts';
import { EventContext, UnprocessableEventError } from '@filing/messaging';
import { FiledInstitutionRepository } from '../../infrastructure/filed-institution.repository';

/**
 * An institution filed before the platform (历史备案) was imported into publication's register. Intake records it as
 * filed, so it may apply to add occupations with its 备案通知文号 or 备案编号, as one filed on the platform.
 */
@Injectable()
export class RecordHistoricalFilingHandler {
  constructor(private readonly register: FiledInstitutionRepository) {}

  async on(event: RegisterEntryImported, ctx: EventContext): Promise<void> {
    const code = event.institution.creditCode;
    if (creditCodeProblem(code))
      throw new UnprocessableEventError(`historical filing ${event.noticeNumber}: credit code ${code} fails the GB 32100-2015 check`);
    await this.register.register(ctx.manager, {
      // No filing event and no case: the import and the credit code name the row.
      filingId: `historical:${code}`,
      creditCode: code,
      name: event.institution.name,
      noticeNumber: event.noticeNumber,
      filingNumber: event.filingNumber ?? null,
      noticeDate: event.noticeDate,
      jurisdiction: event.institution.jurisdiction,
      caseId: `historical-import:${event.importId}`,
      occupations: event.occupations,
      status: 'valid',
      issuedAt: new Date(event.importedAt),
    });
  }
}
