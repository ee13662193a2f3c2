import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A member's finding on the filing materials during the preliminary review (初审), in one review round. */
@Entity({ name: 'finding' })
export class Finding {
  @PrimaryColumn('uuid') id!: string;
  @Column('text', { name: 'case_id' }) caseId!: string;
  @Column('integer') round!: number;
  @Column('text', { name: 'expert_id' }) expertId!: string;
  @Column('text', { name: 'sub_item_id', nullable: true }) subItemId!: string | null;
  @Column('text', { name: 'material_ref', nullable: true }) materialRef!: string | null;
  @Column('text') text!: string;
  @Column('timestamptz', { name: 'recorded_at' }) recordedAt!: Date;
}
