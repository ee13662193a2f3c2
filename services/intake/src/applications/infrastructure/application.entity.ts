import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ApplicationKind, CaseStage, InstitutionPart, OccupationPart } from '@filing/contracts';
import type { ApplicationStatus } from '../domain/application-status';

/** An application (申请) for filing. Its id is the case id used by every service downstream. */
@Entity({ name: 'application' })
export class Application {
  @PrimaryColumn('uuid') id!: string;
  @Column('text', { name: 'application_kind' }) applicationKind!: ApplicationKind;
  /** Jurisdiction by affiliation (隶属关系): 220000 or a city-level code. */
  @Column('text') jurisdiction!: string;
  @Column('text', { name: 'credit_code' }) creditCode!: string;
  @Column('jsonb') institution!: InstitutionPart;
  @Column('jsonb') occupations!: OccupationPart[];
  /** For add-occupation (增加认定职业): the 备案通知文号 of the institution's existing filing. */
  @Column('text', { name: 'existing_filing_number', nullable: true }) existingFilingNumber!: string | null;
  @Column('text') status!: ApplicationStatus;
  /** Resubmissions made so far (0 until the first return is answered). */
  @Column('int') round!: number;
  /** Returns (材料退回) received from review so far. */
  @Column('int', { name: 'return_count' }) returnCount!: number;
  /** The case's stage as review last reported it; null until review opens the case. */
  @Column('text', { name: 'case_stage', nullable: true }) caseStage!: CaseStage | null;
  @Column('timestamptz', { name: 'case_stage_at', nullable: true }) caseStageAt!: Date | null;
  /** The token subject that created the application. */
  @Column('text', { name: 'created_by' }) createdBy!: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'submitted_at', nullable: true }) submittedAt!: Date | null;
  @Column('timestamptz', { name: 'resubmitted_at', nullable: true }) resubmittedAt!: Date | null;
}
