// The event catalogue: every event that crosses a service boundary (docs/architecture.md §2–§4). Topics, the AsyncAPI
// document and the Strimzi KafkaTopic resources are all generated from this one list.
import { EventDefinition, PayloadClass, ServiceName } from './catalogue.types';
import { ApplicationSubmitted } from './events/intake/application-submitted.event';
import { ApplicationResubmitted } from './events/intake/application-resubmitted.event';
import { CaseStageChanged } from './events/review/case-stage-changed.event';
import { InstanceHeartbeat } from './events/review/instance-heartbeat.event';
import { ExpertGroupRequested } from './events/review/expert-group-requested.event';
import { RecheckRequested } from './events/review/recheck-requested.event';
import { RecheckDecided } from './events/review/recheck-decided.event';
import { CaseReturned } from './events/review/case-returned.event';
import { CaseApproved } from './events/review/case-approved.event';
import { CaseRejected } from './events/review/case-rejected.event';
import { GroupFormed } from './events/expert-pool/group-formed.event';
import { GroupMemberReplaced } from './events/expert-pool/group-member-replaced.event';
import { GroupLeaderElected } from './events/expert-pool/group-leader-elected.event';
import { DrawSeedRevealed } from './events/expert-pool/draw-seed-revealed.event';
import { OpinionSubmitted } from './events/assessment/opinion-submitted.event';
import { NoticeOpened } from './events/publication/notice-opened.event';
import { NoticeClosed } from './events/publication/notice-closed.event';
import { ObjectionReceived } from './events/publication/objection-received.event';
import { ObjectionResolved } from './events/publication/objection-resolved.event';
import { FilingRequested } from './events/publication/filing-requested.event';
import { FilingIssued } from './events/publication/filing-issued.event';
import { FilingStatusChanged, RegisterEntryImported } from './events/publication/filing-status-changed.event';
import { CalendarOverridesLoaded } from './events/publication/calendar-overrides-loaded.event';
import { NoticeAwaitingCalendar } from './events/publication/notice-awaiting-calendar.event';
import {
  ApplicantNotificationRequested,
  ExpertNotificationRequested,
  PublicationNotificationRequested,
  ReviewNotificationRequested,
} from './events/notification/notification-requested.event';

/** CloudEvents `type` prefix: reverse-DNS of the Jilin HRSS department. */
export const TYPE_PREFIX = 'cn.gov.jl.hrss.filing';

const CASE_KEY = 'The case (application) id; equals `ce_subject` and payload `caseId`.';

function define<P extends { caseId: string }>(
  topic: string,
  producer: ServiceName,
  consumers: ServiceName[],
  payload: PayloadClass<P>,
  summary: string,
  external = false,
): EventDefinition<P> {
  return definition(topic, producer, consumers, payload, summary, external, { key: 'caseId', keyDescription: CASE_KEY, keyOf: (p) => p.caseId });
}

/**
 * An event about something other than a case (e.g. the working-day calendar). Case events are keyed by caseId so
 * one case's events stay ordered on one partition; such an event names what must stay in order instead.
 */
function defineKeyed<P extends object>(
  topic: string,
  producer: ServiceName,
  consumers: ServiceName[],
  payload: PayloadClass<P>,
  summary: string,
  keying: Pick<EventDefinition<P>, 'key' | 'keyDescription' | 'keyOf'>,
  external = false,
): EventDefinition<P> {
  return definition(topic, producer, consumers, payload, summary, external, keying);
}

function definition<P extends object>(
  topic: string,
  producer: ServiceName,
  consumers: ServiceName[],
  payload: PayloadClass<P>,
  summary: string,
  external: boolean,
  keying: Pick<EventDefinition<P>, 'key' | 'keyDescription' | 'keyOf'>,
): EventDefinition<P> {
  if (!/^[a-z-]+\.[a-z-]+\.[a-z-]+\.v\d+$/.test(topic)) throw new Error(`topic name ${topic} breaks <service>.<entity>.<event>.v<major>`);
  if (!topic.startsWith(`${producer}.`)) throw new Error(`topic ${topic} must start with its producer ${producer}`);
  return { topic, type: `${TYPE_PREFIX}.${topic}`, producer, consumers, payload, summary, external, ...keying };
}

export const Events = {
  applicationSubmitted: define(
    'intake.application.submitted.v1',
    'intake',
    ['review'],
    ApplicationSubmitted,
    'An institution applied for filing or for added occupations (机构申报).',
  ),
  applicationResubmitted: define(
    'intake.application.resubmitted.v1',
    'intake',
    ['review'],
    ApplicationResubmitted,
    'The applicant resubmitted materials after a return (材料退回).',
  ),

  caseStageChanged: define(
    'review.case.stage-changed.v1',
    'review',
    // review: the province instance's oversight read model (省级监管) of every instance's cases. expert-pool: the
    // group is told when the on-site evaluation opens (its score sheets are due).
    ['intake', 'assessment', 'review', 'expert-pool'],
    CaseStageChanged,
    'A case moved from one stage to the next; who, when, why.',
  ),
  expertGroupRequested: define(
    'review.expert-group.requested.v1',
    'review',
    ['expert-pool', 'assessment'],
    ExpertGroupRequested,
    'Work plan and expert requirements: the discipline officer is to draw a group (专家抽取).',
  ),
  recheckRequested: define(
    'review.recheck.requested.v1',
    'review',
    ['review'],
    RecheckRequested,
    "A city case's opinion goes to the provincial centre for re-check (复核).",
  ),
  recheckDecided: define(
    'review.recheck.decided.v1',
    'review',
    ['review'],
    RecheckDecided,
    "The provincial centre's re-check decision travels back to the city.",
  ),
  caseReturned: define('review.case.returned.v1', 'review', ['intake'], CaseReturned, 'Materials returned to the applicant with reasons (材料退回).'),
  caseApproved: define(
    'review.case.approved.v1',
    'review',
    ['publication', 'intake'],
    CaseApproved,
    'The result was approved (审定) by the local HRSS bureau or the 厅长办公会.',
  ),
  caseRejected: define('review.case.rejected.v1', 'review', ['intake', 'expert-pool'], CaseRejected, 'The case ended without a filing.'),

  groupFormed: define(
    'expert-pool.group.formed.v1',
    'expert-pool',
    ['review', 'assessment', 'intake'],
    GroupFormed,
    'The technical evaluation expert group was formed from a committed draw.',
  ),
  groupMemberReplaced: define(
    'expert-pool.group.member-replaced.v1',
    'expert-pool',
    ['review', 'assessment', 'intake'],
    GroupMemberReplaced,
    'A member declined or was recused and the next reserve replaced them.',
  ),
  groupLeaderElected: define(
    'expert-pool.group.leader-elected.v1',
    'expert-pool',
    ['review', 'assessment'],
    GroupLeaderElected,
    'The group elected its leader (组长) at the kick-off.',
  ),
  drawSeedRevealed: define(
    'expert-pool.draw.seed-revealed.v1',
    'expert-pool',
    ['review'],
    DrawSeedRevealed,
    "The draw's secret seed was revealed; the draw can now be verified by anyone.",
  ),

  opinionSubmitted: define(
    'assessment.opinion.submitted.v1',
    'assessment',
    ['review', 'expert-pool'],
    OpinionSubmitted,
    'The group leader submitted an opinion: preliminary, technical or comprehensive.',
  ),

  noticeOpened: define(
    'publication.notice.opened.v1',
    'publication',
    ['review'],
    NoticeOpened,
    'A public notice (公示) opened with explicit start and end dates.',
  ),
  noticeAwaitingCalendar: define(
    'publication.notice.awaiting-calendar.v1',
    'publication',
    ['review'],
    NoticeAwaitingCalendar,
    "An approved case's notice waits for a year's working-day calendar; it opens by itself once an administrator loads the year.",
  ),
  noticeClosed: define('publication.notice.closed.v1', 'publication', ['review'], NoticeClosed, 'A public notice closed, with its outcome.'),
  objectionReceived: define(
    'publication.objection.received.v1',
    'publication',
    // Intake tells the applicant an objection was lodged against their notice (never who lodged it).
    ['review', 'intake'],
    ObjectionReceived,
    'An objection (异议) was lodged during the notice.',
  ),
  objectionResolved: define(
    'publication.objection.resolved.v1',
    'publication',
    ['review', 'intake'],
    ObjectionResolved,
    'An objection was upheld or dismissed.',
  ),
  filingRequested: define(
    'publication.filing.requested.v1',
    'publication',
    ['review'],
    FilingRequested,
    'The provincial department is asked to issue the filing notice.',
  ),
  filingIssued: define(
    'publication.filing.issued.v1',
    'publication',
    ['review', 'intake'],
    FilingIssued,
    'The filing notice (备案通知) was issued: the national platform contract.',
    true,
  ),
  filingStatusChanged: defineKeyed(
    'publication.filing.status-changed.v1',
    'publication',
    ['intake'],
    FilingStatusChanged,
    "A filed institution's register entry changed after filing (变更, 暂停, 恢复, 撤销, 注销): the national platform contract, on the same feed sequence as filing.issued.",
    // One key per register entry (credit code): its changes stay in order; `register-` keeps it apart from case ids.
    {
      key: 'institution.creditCode',
      keyDescription: '`register-<统一社会信用代码>`; equals `ce_subject`.',
      keyOf: (p) => `register-${p.institution.creditCode}`,
    },
    true,
  ),
  registerEntryImported: defineKeyed(
    'publication.register.entry-imported.v1',
    'publication',
    ['intake'],
    RegisterEntryImported,
    'An institution filed before the platform (历史备案) was imported into the register; intake lets it apply to add occupations.',
    {
      key: 'institution.creditCode',
      keyDescription: '`register-<统一社会信用代码>`; equals `ce_subject`.',
      keyOf: (p) => `register-${p.institution.creditCode}`,
    },
  ),
  calendarOverridesLoaded: defineKeyed(
    'publication.calendar.overrides-loaded.v1',
    'publication',
    ['review'],
    CalendarOverridesLoaded,
    "An administrator loaded a year's working-day calendar arrangement (holidays, make-up working days); review counts its stage time limits on it.",
    // One key per year: successive loads of the same year stay in order; `calendar-` keeps it apart from case ids.
    { key: 'year', keyDescription: '`calendar-<year>`; equals `ce_subject`.', keyOf: (p) => `calendar-${p.year}` },
  ),
  instanceHeartbeat: defineKeyed(
    'review.instance.heartbeat.v1',
    'review',
    ['review'],
    InstanceHeartbeat,
    "A review instance is alive: its open cases per stage and overdue cases as of its clock; the province's oversight marks an instance stale when these stop.",
    // One key per instance: its heartbeats stay in order; a jurisdiction code never collides with a case id (a UUID).
    { key: 'jurisdiction', keyDescription: 'The jurisdiction the instance serves; equals `ce_subject`.', keyOf: (p) => p.jurisdiction },
  ),

  // Each owner of contact data has its own request topic (one producer per topic); the notification service reads all.
  applicantNotificationRequested: define(
    'intake.notification.requested.v1',
    'intake',
    ['notification'],
    ApplicantNotificationRequested,
    'Intake asks that an applicant be told about their case (received, accepted, returned, approved, filed, not passed).',
  ),
  expertNotificationRequested: define(
    'expert-pool.notification.requested.v1',
    'expert-pool',
    ['notification'],
    ExpertNotificationRequested,
    'Expert-pool asks that an expert be told about their group (invited, replaced, kick-off, leader elected).',
  ),
  publicationNotificationRequested: define(
    'publication.notification.requested.v1',
    'publication',
    ['notification'],
    PublicationNotificationRequested,
    "Publication asks that an objector be told (objection received, objection decided with the reasons), and the centre staff of the notice's jurisdiction that an objection was lodged.",
  ),
  reviewNotificationRequested: define(
    'review.notification.requested.v1',
    'review',
    ['notification'],
    ReviewNotificationRequested,
    'A review instance asks that the centre staff or approvers of a jurisdiction be told what arrived in their queue (a case to accept or approve, a re-check to decide, a re-check decided).',
  ),
} satisfies Record<string, EventDefinition<any>>;

export type EventName = keyof typeof Events;

export const ALL_EVENTS: readonly EventDefinition<any>[] = Object.values(Events);
