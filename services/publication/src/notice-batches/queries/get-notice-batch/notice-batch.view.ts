import { findJurisdiction, SKILL_LEVEL_NAMES, SkillLevel } from '@filing/contracts';
import { centreContactFor, PublicationConfig } from '../../../infrastructure/publication.config';
import { KIND_NAMES } from '../../../documents/filing-notice.document';
import { noticeBatchPageUrl } from '../../../documents/documents.service';
import { batchTitle, commonWindow } from '../../domain/notice-batch';
import type { NoticeBatchWithNotices } from '../../infrastructure/notice-batches.repository';

/** What the public sees of a 公示批次: the document's content as data, each row linking to its notice's page. */
export function noticeBatchView(b: NoticeBatchWithNotices, config: PublicationConfig, today: string) {
  const windows = b.notices.map((n) => ({ startDate: n.startDate, endDate: n.endDate, workingDays: n.workingDays }));
  return {
    batchId: b.id,
    number: b.number,
    issueDate: b.issueDate,
    title: batchTitle(b.notices.map((n) => ({ institutionName: n.institution.name, applicationKind: n.applicationKind }))),
    jurisdiction: { code: b.jurisdiction, name: findJurisdiction(b.jurisdiction)?.name ?? b.jurisdiction },
    issuingUnit: centreContactFor(config, b.jurisdiction),
    /** The window every row shares, or null when they differ (each row has its own). */
    commonPeriod: commonWindow(windows),
    rows: b.notices.map((n, i) => ({
      position: i + 1,
      noticeId: n.id,
      institution: {
        name: n.institution.name,
        creditCode: n.institution.creditCode,
        kind: n.institution.kind,
        kindName: KIND_NAMES[n.institution.kind] ?? n.institution.kind,
      },
      applicationKind: n.applicationKind,
      occupations: n.occupations.map((o) => ({
        code: o.code,
        name: o.name,
        workType: o.workType,
        levels: o.levels.map((l) => ({ level: l, name: SKILL_LEVEL_NAMES[l as SkillLevel] })),
      })),
      period: { startDate: n.startDate, endDate: n.endDate, workingDays: n.workingDays },
      acceptingObjections: n.status === 'open' && today >= n.startDate && today <= n.endDate,
      status: n.status,
      outcome: n.status === 'closed' ? n.outcome : null,
      noticeUrl: `/public/notices/${n.id}`,
      pageUrl: `${config.publicConsoleUrl}/notices/${n.id}`,
    })),
    pageUrl: noticeBatchPageUrl(config, b.id),
    pdfUrl: `/public/notice-batches/${b.id}.pdf`,
    howToObject: '对公示内容有异议的，可在相应机构的公示网页在线提出实名异议，或以书面形式向发布单位反映；匿名异议不予受理。',
  };
}
