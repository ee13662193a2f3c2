import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CaseStage } from '@filing/contracts';

export type CaseEventKind = 'stage-changed' | 'returned' | 'approved' | 'rejected' | 'filing-issued';

/** What review and publication reported about an application's case: the applicant's timeline. */
@Entity({ name: 'case_event' })
export class CaseEvent {
  /** The CloudEvents id of the event it was built from. */
  @PrimaryColumn('text', { name: 'event_id' }) eventId!: string;
  @Column('uuid', { name: 'application_id' }) applicationId!: string;
  @Column('text') kind!: CaseEventKind;
  @Column('text', { name: 'stage_from', nullable: true }) stageFrom!: CaseStage | null;
  @Column('text', { name: 'stage_to', nullable: true }) stageTo!: CaseStage | null;
  @Column('text', { nullable: true }) action!: string | null;
  @Column('text', { nullable: true }) reason!: string | null;
  @Column('jsonb') details!: Record<string, unknown>;
  @Column('timestamptz', { name: 'occurred_at' }) occurredAt!: Date;
}
