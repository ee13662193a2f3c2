import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { OnsiteMethod, SubItemScore, VetoFlag } from '../domain/score-sheet';

export { ONSITE_METHODS } from '../domain/score-sheet';
export type { OnsiteMethod, SubItemScore, VetoFlag } from '../domain/score-sheet';

/** One member's on-site score sheet (评分表). Private to its member while a draft; immutable once submitted. */
@Entity({ name: 'score_sheet' })
export class ScoreSheet {
  @PrimaryColumn('uuid') id!: string;
  @Column('text', { name: 'case_id' }) caseId!: string;
  @Column('text', { name: 'expert_id' }) expertId!: string;
  @Column('text') status!: 'draft' | 'submitted';
  @Column('jsonb') scores!: SubItemScore[];
  @Column('jsonb') vetoes!: VetoFlag[];
  @Column('jsonb') methods!: OnsiteMethod[];
  @Column('text', { name: 'evidence_note' }) evidenceNote!: string;
  @Column('timestamptz', { name: 'saved_at' }) savedAt!: Date;
  @Column('timestamptz', { name: 'submitted_at', nullable: true }) submittedAt!: Date | null;
}
