import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One uploaded version of one checklist item's file. Versions are never overwritten: a return keeps history. */
@Entity({ name: 'material' })
export class Material {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'application_id' }) applicationId!: string;
  @Column('text', { name: 'checklist_item' }) checklistItem!: string;
  /** 1, 2, ... per checklist item of the application. */
  @Column('int') version!: number;
  /** The submission it belongs to: 0 for the first submission, n for the n-th resubmission. */
  @Column('int') round!: number;
  @Column('text', { name: 'file_name' }) fileName!: string;
  @Column('text', { name: 'content_type' }) contentType!: string;
  @Column('int') size!: number;
  @Column('text') sha256!: string;
  /** The bytes of files stored before chunked storage (loaded only for downloads); newer files are in material_chunk. */
  @Column('bytea', { select: false, nullable: true }) content!: Buffer | null;
  @Column('text', { name: 'uploaded_by' }) uploadedBy!: string;
  @Column('timestamptz', { name: 'uploaded_at' }) uploadedAt!: Date;
}
