import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The minutes (会议纪要) of a kick-off meeting: every upload kept, the latest is current. */
@Entity({ name: 'kick_off_minutes' })
export class KickOffMinutes {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'draw_id' }) drawId!: string;
  @Column('text', { name: 'file_name' }) fileName!: string;
  @Column('text', { name: 'content_type' }) contentType!: string;
  @Column('int', { name: 'size_bytes' }) sizeBytes!: number;
  @Column('text') sha256!: string;
  /** Loaded only to download. */
  @Column('bytea', { select: false }) content!: Buffer;
  @Column('jsonb', { name: 'uploaded_by' }) uploadedBy!: { subject: string; role: string };
  @Column('timestamptz', { name: 'uploaded_at' }) uploadedAt!: Date;
}
