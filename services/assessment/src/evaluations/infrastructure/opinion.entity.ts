import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { OpinionKind } from '@filing/contracts';

/** An opinion of the group (初评意见 / 技术评估意见 / 综合技术评估意见), kept as the document that was submitted. */
@Entity({ name: 'opinion' })
export class Opinion {
  @PrimaryColumn('uuid') id!: string;
  @Column('text', { name: 'case_id' }) caseId!: string;
  @Column('text') kind!: OpinionKind;
  /** The preliminary review round; 1 for the technical and comprehensive opinions. */
  @Column('integer') round!: number;
  @Column('text') result!: 'pass' | 'fail';
  @Column('jsonb') document!: Record<string, unknown>;
  @Column('text', { name: 'leader_expert_id' }) leaderExpertId!: string;
  @Column('timestamptz', { name: 'submitted_at' }) submittedAt!: Date;
}
