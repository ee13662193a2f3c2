import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { OccupationPart } from '@filing/contracts';

/**
 * Read model of filing notices (备案通知) issued, learnt from `publication.filing.issued.v1`: add-occupation
 * (增加认定职业) is open only to an institution that has one.
 */
@Entity({ name: 'filed_institution' })
export class FiledInstitution {
  /** The national feed's filing id; one row per filing notice. */
  @PrimaryColumn('text', { name: 'filing_id' }) filingId!: string;
  @Column('text', { name: 'credit_code' }) creditCode!: string;
  @Column('text') name!: string;
  /** 备案通知文号 */
  @Column('text', { name: 'notice_number' }) noticeNumber!: string;
  /** 备案编号, kept by the institution across its filings; null when the filing event did not carry it. */
  @Column('text', { name: 'filing_number', nullable: true }) filingNumber!: string | null;
  @Column('text', { name: 'notice_date' }) noticeDate!: string;
  @Column('text') jurisdiction!: string;
  @Column('text', { name: 'case_id' }) caseId!: string;
  @Column('jsonb') occupations!: OccupationPart[];
  @Column('text') status!: 'valid' | 'suspended' | 'withdrawn' | 'cancelled';
  @Column('timestamptz', { name: 'issued_at' }) issuedAt!: Date;
}
