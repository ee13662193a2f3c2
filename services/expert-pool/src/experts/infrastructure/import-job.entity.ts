import { Column, Entity, PrimaryColumn } from 'typeorm';

/** `checked`: a check (`mode: check`) found every row valid and imported nothing. */
export type ImportJobStatus = 'running' | 'completed' | 'checked' | 'rejected' | 'failed';

export type ImportMode = 'all' | 'partial' | 'check';

export interface RowError {
  /** 1-based data row (the header is not counted); `line` is the CSV line, or the worksheet row, it starts on. */
  row: number;
  line?: number;
  problems: string[];
}

/** A bulk import of experts (批量导入): its progress while running, its outcome and errors by row afterwards. */
@Entity({ name: 'import_job' })
export class ImportJob {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') level!: string;
  @Column('text') format!: 'csv' | 'xlsx' | 'json';
  /** all-or-nothing (default), partial (valid rows imported, invalid ones listed) or check (validate only: 校验). */
  @Column('text') mode!: ImportMode;
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
