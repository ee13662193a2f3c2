import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { StandardDocument } from '../domain/standard';

/** One loaded version of a technical evaluation standard. Versions are never edited: a change is a new version. */
@Entity({ name: 'standard_version' })
export class StandardVersion {
  /** Load order; also the tie-breaker between versions effective the same day. */
  @PrimaryGeneratedColumn({ name: 'seq' }) seq!: number;
  @Column('text', { name: 'standard_id' }) standardId!: string;
  @Column('text') version!: string;
  @Column('text', { name: 'institution_kind' }) institutionKind!: string;
  @Column('date', { name: 'effective_from' }) effectiveFrom!: string;
  @Column('boolean') provisional!: boolean;
  @Column('jsonb') document!: StandardDocument;
  @Column('timestamptz', { name: 'loaded_at' }) loadedAt!: Date;
  @Column('text', { name: 'loaded_by' }) loadedBy!: string;
}
