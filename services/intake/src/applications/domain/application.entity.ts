import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { ApplicationKind, InstitutionPart, OccupationPart } from '@filing/contracts';

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
  @Column('text') status!: string;
  @Column('timestamptz', { name: 'submitted_at' }) submittedAt!: Date;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
