import { SKILL_LEVEL_NAMES, SkillLevel, findJurisdiction } from '@filing/contracts';
import { centreContactFor, PublicationConfig } from '../../infrastructure/publication.config';
import { NoticeRow } from '../notice.row';

/** What the public sees of a notice (公示内容): no internal ids beyond the notice's own, no personal data. */
export function publicNoticeView(n: NoticeRow, config: PublicationConfig, today: string) {
  return {
    noticeId: n.id,
    institution: { name: n.institution.name, creditCode: n.institution.creditCode, kind: n.institution.kind, address: n.institution.address },
    applicationKind: n.applicationKind,
    jurisdiction: { code: n.jurisdiction, name: findJurisdiction(n.jurisdiction)?.name ?? n.jurisdiction },
    occupations: n.occupations.map((o) => ({
      code: o.code,
      name: o.name,
      workType: o.workType,
      levels: o.levels.map((l) => ({ level: l, name: SKILL_LEVEL_NAMES[l as SkillLevel] })),
    })),
    period: { startDate: n.startDate, endDate: n.endDate, workingDays: n.workingDays, publicationDayCounts: n.publicationDayCounts },
    acceptingObjections: n.status === 'open' && today >= n.startDate && today <= n.endDate,
    status: n.status,
    /** The notice's result once it has closed (公示结果), e.g. no-objection. */
    outcome: n.status === 'closed' ? n.outcome : null,
    contact: centreContactFor(config, n.jurisdiction),
    howToObject:
      'Objections must give the objector’s real name, ID number and contact details and the reasons (实名书面异议); anonymous ones are not accepted.',
  };
}
