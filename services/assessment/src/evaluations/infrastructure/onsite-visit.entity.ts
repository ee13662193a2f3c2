import { Column, Entity, PrimaryColumn, VersionColumn } from 'typeorm';
import type { Attendance, MaterialPointer, SpotCheckResult } from '../domain/onsite-visit';
import type { OnsiteMethod } from '../domain/score-sheet';

/** The on-site visit (现场技术评估) of one case: when, where, the members going and who signed in on the day. */
@Entity({ name: 'onsite_visit' })
export class OnsiteVisit {
  @PrimaryColumn('text', { name: 'case_id' }) caseId!: string;
  @Column('date', { name: 'visit_date' }) date!: string;
  @Column('text') place!: string;
  @Column('jsonb', { name: 'member_ids' }) memberIds!: string[];
  @Column('jsonb') attendance!: Attendance[];
  @Column('text', { name: 'scheduled_by' }) scheduledBy!: string;
  @Column('timestamptz', { name: 'scheduled_at' }) scheduledAt!: Date;
  @VersionColumn() version!: number;
}

/** One entry of the visit record, by one of the five methods, tied to the standard's items it supports. */
@Entity({ name: 'visit_record' })
export class VisitRecord {
  @PrimaryColumn('uuid') id!: string;
  @Column('text', { name: 'case_id' }) caseId!: string;
  @Column('text') method!: OnsiteMethod;
  @Column('text', { name: 'expert_id' }) expertId!: string;
  @Column('text') notes!: string;
  @Column('jsonb', { name: 'item_ids' }) itemIds!: string[];
  /** The method's own details: reporter, sites, interviewees, questions, spot checks. */
  @Column('jsonb') details!: {
    reporter?: string;
    sites?: string[];
    interviewees?: { name: string; role: string }[];
    questions?: { question: string; answer: string }[];
    checks?: { subject: string; result: SpotCheckResult; note?: string }[];
  };
  @Column('jsonb') materials!: MaterialPointer[];
  @Column('timestamptz', { name: 'recorded_at' }) recordedAt!: Date;
}

/** A photo or document backing a visit record; the bytes are kept with their sha-256. */
@Entity({ name: 'visit_evidence' })
export class VisitEvidence {
  @PrimaryColumn('uuid') id!: string;
  @Column('text', { name: 'case_id' }) caseId!: string;
  @Column('uuid', { name: 'record_id' }) recordId!: string;
  @Column('text', { name: 'file_name' }) fileName!: string;
  @Column('text', { name: 'content_type' }) contentType!: string;
  @Column('integer') size!: number;
  @Column('text') sha256!: string;
  @Column('bytea', { select: false }) content!: Buffer;
  @Column('text', { name: 'uploaded_by' }) uploadedBy!: string;
  @Column('timestamptz', { name: 'uploaded_at' }) uploadedAt!: Date;
}
