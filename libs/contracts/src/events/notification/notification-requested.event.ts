import { Type } from 'class-transformer';
import { IsDefined, IsEmail, IsIn, IsISO8601, IsNotEmpty, IsObject, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { JURISDICTION_CODE_PATTERN } from '../parts';
import { ROLES } from '../../vocabulary/case-stage';

/**
 * What a person is told (docs/adr/0019-notifications-as-a-service.md). Each kind has one Chinese template at the
 * notification service; the owner of the person's contact data decides who is told, and when.
 */
export const NOTIFICATION_KINDS = [
  // Applicants (intake).
  'application-received',
  'application-accepted',
  'application-not-accepted',
  'materials-returned',
  'approved-under-notice',
  'filing-issued',
  'not-passed',
  'onsite-evaluation-due',
  // An objection against the applicant's own notice: received, and how it was decided (never who objected).
  'notice-objection-received',
  'notice-objection-decided',
  // Experts (expert-pool).
  'expert-invited',
  'expert-replaced',
  'group-kicked-off',
  'leader-elected',
  'score-sheet-due',
  'opinions-submitted',
  // Objectors (publication): the receipt of an objection, and its outcome.
  'objection-received',
  'objection-decided',
  // Centre staff and approvers, by role at a jurisdiction (review; publication for an objection on a notice).
  'case-in-queue',
  'recheck-queued',
  'recheck-decided',
  'objection-lodged',
  // A case past its stage's time limit (督办), once per case and stage.
  'case-overdue',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/**
 * Who is told: `institution:<统一社会信用代码>` (every applicant account of the institution), `expert:<expert id>`,
 * `subject:<token subject>` (one account), `role:<role>@<jurisdiction>` (whoever holds that role there), or
 * `objection:<objection id>` (the member of the public who lodged it: no account, reached only by e-mail or SMS).
 */
export const RECIPIENT_ID_PATTERN = /^(institution|expert|subject|role|objection):[A-Za-z0-9@._\-]{1,120}$/;

/** The platform's roles, and `public` for an objector (a member of the public without an account). */
export const RECIPIENT_ROLES = [...ROLES, 'public'] as const;
export type RecipientRole = (typeof RECIPIENT_ROLES)[number];

/** The recipient, with only the addresses delivery needs (none at all for the in-console inbox). */
export class NotificationRecipientPart {
  @Matches(RECIPIENT_ID_PATTERN) id!: string;
  @IsIn(RECIPIENT_ROLES) role!: RecipientRole;
  /** How the notice addresses them (e.g. 张三 专家, 长春一汽模具制造有限公司). */
  @IsOptional() @IsString() @MaxLength(200) name?: string;
  @IsOptional() @IsEmail() email?: string;
  /** Mobile number for SMS. */
  @IsOptional() @Matches(/^(\+?86)?1\d{10}$/) mobile?: string;
}

/** A request to tell one person something about a case; the notification service delivers it once. */
export class NotificationRequested {
  @IsString() @IsNotEmpty() caseId!: string;
  /** The case's jurisdiction: its per-jurisdiction switch applies. */
  @Matches(JURISDICTION_CODE_PATTERN) jurisdiction!: string;
  @IsIn(NOTIFICATION_KINDS) kind!: NotificationKind;
  @IsDefined() @IsObject() @ValidateNested() @Type(() => NotificationRecipientPart) recipient!: NotificationRecipientPart;
  /** Template parameters: caseReference, institution, dates (ISO, rendered in Chinese), reasons, … — strings only. */
  @IsDefined() @IsObject() params!: Record<string, string>;
  /** The console page that acts on it, as a path (`/expert/draws/<id>`); the service prefixes the console's address. */
  @Matches(/^\/[A-Za-z0-9/_\-?=&.%]*$/) @MaxLength(500) link!: string;
  /** One notice per (event, recipient): the triggering event's id (or the decision's) and the recipient id. */
  @IsString() @IsNotEmpty() @MaxLength(300) dedupeKey!: string;
  @IsISO8601() requestedAt!: string;
}

/** Intake asks for an applicant to be told (its own topic: one producer per topic). */
export class ApplicantNotificationRequested extends NotificationRequested {}

/** Expert-pool asks for an expert to be told. */
export class ExpertNotificationRequested extends NotificationRequested {}

/** Publication asks for an objector to be told (receipt, outcome). */
export class PublicationNotificationRequested extends NotificationRequested {}

/**
 * Review asks for whoever holds a role at a jurisdiction to be told what arrived in their queue (`role:` recipients,
 * the in-console inbox only). Every review instance produces it under its own ce_source.
 */
export class ReviewNotificationRequested extends NotificationRequested {}
