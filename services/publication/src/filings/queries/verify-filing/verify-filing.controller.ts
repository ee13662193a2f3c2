import { Controller, Get, NotFoundException, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '@filing/auth';
import { SKILL_LEVEL_NAMES, SkillLevel } from '@filing/contracts';
import { DocumentsRepository } from '../../../documents/infrastructure/documents.repository';
import { ACTION_NAMES, STATUS_NAMES, validityMessage } from '../../domain/register-status';
import { FilingsRepository, RegisterChangesRepository } from '../../infrastructure/filings.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NOT_GENUINE = '查无此备案通知：该文件不是本平台出具的备案通知，不能作为备案证明。请向发文机关核实。';

/**
 * 备案通知核验 (public): what a filing notice's QR code opens. Confirms the notice (number, date, institution,
 * occupations and levels) and the institution's status now in the register, with the document's sha-256 so a copy
 * can be checked byte for byte. An unknown id answers 404 saying the document is not genuine.
 */
@ApiTags('register')
@Public()
@Controller('public/filings')
export class VerifyFilingController {
  constructor(
    private readonly filings: FilingsRepository,
    private readonly changes: RegisterChangesRepository,
    private readonly documents: DocumentsRepository,
  ) {}

  @Get(':filingId/verification')
  async verify(@Param('filingId') filingId: string) {
    const filing = UUID.test(filingId) ? await this.filings.findFiling(filingId) : undefined;
    if (!filing) throw new NotFoundException({ message: NOT_GENUINE, code: 'FILING_NOT_FOUND', genuine: false });
    const p = filing.payload;
    const entry = await this.filings.findEntry(p.institution.creditCode);
    const document = await this.documents.find('filing-notice', filingId, false);
    const history = entry ? await this.changes.of(entry.creditCode) : [];
    const status = entry?.status ?? 'valid';
    const levels = (ls: number[]) => [...ls].sort((a, b) => b - a).map((l) => ({ level: l, name: SKILL_LEVEL_NAMES[l as SkillLevel] }));
    return {
      genuine: true,
      valid: status === 'valid',
      message: validityMessage(status, { from: entry?.suspendedFrom ?? null, until: entry?.suspendedUntil ?? null }),
      notice: {
        filingId,
        noticeNumber: p.noticeNumber,
        noticeDate: p.noticeDate,
        filingNumber: p.filingNumber ?? null,
        issuingAuthority: p.issuingAuthority,
        applicationKind: p.applicationKind,
        institution: {
          name: p.institution.name,
          creditCode: p.institution.creditCode,
          kind: p.institution.kind,
          jurisdictionName: p.institution.jurisdictionName,
        },
        occupations: p.occupations.map((o) => ({ code: o.code, name: o.name, workType: o.workType, levels: levels(o.levels) })),
      },
      document: document ? { sha256: document.sha256, size: document.size, url: `/public/filings/${filingId}/notice.pdf` } : null,
      register: entry && {
        name: entry.name,
        creditCode: entry.creditCode,
        kind: entry.kind,
        jurisdiction: entry.jurisdiction,
        jurisdictionName: entry.jurisdictionName,
        status,
        statusName: STATUS_NAMES[status],
        statusReason: entry.statusReason,
        suspension: entry.suspendedFrom ? { from: entry.suspendedFrom, until: entry.suspendedUntil } : null,
        occupations: entry.occupations.map((o) => ({ code: o.code, name: o.name, workType: o.workType, levels: levels(o.levels) })),
        history: history.map((h) => ({
          action: h.action,
          actionName: ACTION_NAMES[h.action as keyof typeof ACTION_NAMES],
          status: h.toStatus,
          reason: h.reason,
          decisionReference: h.decisionReference,
          suspension: h.periodFrom ? { from: h.periodFrom, until: h.periodUntil } : null,
          previousDetails: h.changes,
          authority: h.decidedBy.authority,
          decidedAt: h.decidedAt,
        })),
      },
    };
  }
}
