import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { MaterialPointer } from '../domain/onsite-visit';

/** A member's finding on the filing materials during the preliminary review (初审), in one review round. */
@Entity({ name: 'finding' })
export class Finding {
  @PrimaryColumn('uuid') id!: string;
  @Column('text', { name: 'case_id' }) caseId!: string;
  @Column('integer') round!: number;
  @Column('text', { name: 'expert_id' }) expertId!: string;
  @Column('text', { name: 'sub_item_id', nullable: true }) subItemId!: string | null;
  @Column('text', { name: 'material_ref', nullable: true }) materialRef!: string | null;
  /** The material and page it points at (intake's material id and version, as the group's materials view shows them). */
  @Column('jsonb', { nullable: true }) material!: MaterialPointer | null;
  @Column('text') text!: string;
  @Column('timestamptz', { name: 'recorded_at' }) recordedAt!: Date;
}
