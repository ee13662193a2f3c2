import { Column, Entity, PrimaryColumn } from 'typeorm';

export type ImportJobStatus = 'running' | 'completed' | 'rejected' | 'failed';

export interface RowError {
  /** 1-based data row (the CSV header is not counted); `line` is the CSV line it starts on. */
  row: number;
  line?: number;
  problems: string[];
}

/** A bulk import of experts (批量导入): its progress while running, its outcome and errors by row afterwards. */
@Entity({ name: 'import_job' })
export class ImportJob {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') level!: string;
  @Column('text') format!: 'csv' | 'json';
  /** all-or-nothing (default) or partial (valid rows imported, invalid ones listed). */
  @Column('text') mode!: 'all' | 'partial';
  @Column('text') status!: ImportJobStatus;
  @Column('int') total!: number;
  @Column('int') validated!: number;
  @Column('int') imported!: number;
  @Column('jsonb') errors!: RowError[];
  @Column('text', { name: 'failure', nullable: true }) failure!: string | null;
  @Column('text', { name: 'created_by' }) createdBy!: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'finished_at', nullable: true }) finishedAt!: Date | null;
}
