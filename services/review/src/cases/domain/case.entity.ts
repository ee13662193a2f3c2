import { Column, Entity, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { ApplicationKind, CaseStage, InstitutionPart, OccupationPart } from '@filing/contracts';

/** A filing case (案件): one per application, owned by the review instance of its jurisdiction. */
@Entity({ name: 'review_case' })
export class ReviewCase {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') jurisdiction!: string;
  @Column('text', { name: 'application_kind' }) applicationKind!: ApplicationKind;
  @Column('text') stage!: CaseStage;
  @Column('jsonb') institution!: InstitutionPart;
  @Column('jsonb') occupations!: OccupationPart[];
  @Column('timestamptz', { name: 'submitted_at' }) submittedAt!: Date;
  @Column('timestamptz', { name: 'stage_entered_at' }) stageEnteredAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
  @VersionColumn() version!: number;
}
