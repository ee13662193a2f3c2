import { boolEnv, env, intEnv } from '@filing/runtime';
import { findJurisdiction } from '@filing/contracts';
import { assertNoticeNumberTemplate } from '../filings/domain/filing-notice-number';

export interface CentreContact {
  unit: string;
  phone?: string;
  address?: string;
}

/** Everything the service reads from the environment, checked at start-up. */
export interface PublicationConfig {
  /** Length of the notice in working days (公示期, ≥ 5 per the procedure). */
  noticeWorkingDays: number;
  /** Whether the publication day is the first working day of the window. Jilin appears to count from the next day. */
  publicationDayCounts: boolean;
  /** How often the scheduler looks for notices whose window has ended. */
  noticePollMs: number;
  /** 备案通知文号 template with {year} and {seq}. */
  noticeNumberTemplate: string;
  /** 备案编号 template with {year} and {seq}; the national format is unknown, so it is configuration. */
  filingNumberTemplate: string;
  issuingAuthority: string;
  objectionRateLimit: number;
  objectionRateWindowMs: number;
  objectionMaxPerNotice: number;
  objectionMaxBodyBytes: number;
  centreContacts: Record<string, CentreContact>;
  /** 公示编号 template with {year} and {seq}, counted per jurisdiction and year. */
  publicNoticeNumberTemplate: string;
  /** The console's public address: a filing notice's QR code opens `<this>/verify/<filingId>`. */
  publicConsoleUrl: string;
}

export function loadPublicationConfig(): PublicationConfig {
  const noticeWorkingDays = intEnv('NOTICE_WORKING_DAYS', 5);
  if (noticeWorkingDays < 5) throw new Error('configuration: NOTICE_WORKING_DAYS must be at least 5 (procedure: 公示不少于5个工作日)');
  const noticeNumberTemplate = env('FILING_NOTICE_NUMBER_TEMPLATE', '吉人社备〔{year}〕{seq}号');
  assertNoticeNumberTemplate(noticeNumberTemplate, 'FILING_NOTICE_NUMBER_TEMPLATE');
  const publicNoticeNumberTemplate = env('PUBLIC_NOTICE_NUMBER_TEMPLATE', '公示〔{year}〕第{seq}号');
  assertNoticeNumberTemplate(publicNoticeNumberTemplate, 'PUBLIC_NOTICE_NUMBER_TEMPLATE');
  const filingNumberTemplate = env('FILING_NUMBER_TEMPLATE', '220000-{year}-{seq:4}');
  assertNoticeNumberTemplate(filingNumberTemplate, 'FILING_NUMBER_TEMPLATE');
  let centreContacts: Record<string, CentreContact> = {};
  const raw = process.env.CENTRE_CONTACTS;
  if (raw) {
    try {
      centreContacts = JSON.parse(raw);
    } catch (err) {
      throw new Error(`configuration: CENTRE_CONTACTS must be JSON {"<jurisdiction>": {"unit", "phone", "address"}}: ${(err as Error).message}`);
    }
  }
  return {
    noticeWorkingDays,
    publicationDayCounts: boolEnv('NOTICE_PUBLICATION_DAY_COUNTS', false),
    noticePollMs: intEnv('NOTICE_POLL_MS', 30000),
    noticeNumberTemplate,
    filingNumberTemplate,
    issuingAuthority: env('FILING_ISSUING_AUTHORITY', '吉林省人力资源和社会保障厅'),
    objectionRateLimit: intEnv('OBJECTION_RATE_LIMIT', 5),
    objectionRateWindowMs: intEnv('OBJECTION_RATE_WINDOW_MS', 10 * 60 * 1000),
    objectionMaxPerNotice: intEnv('OBJECTION_MAX_PER_NOTICE', 200),
    objectionMaxBodyBytes: intEnv('OBJECTION_MAX_BODY_BYTES', 16 * 1024),
    centreContacts,
    publicNoticeNumberTemplate,
    publicConsoleUrl: publicConsoleUrl(),
  };
}

export const PUBLICATION_CONFIG = Symbol('PUBLICATION_CONFIG');

/** The accepting unit shown on a notice: configured per jurisdiction, else the jurisdiction's centre by name. */
export function centreContactFor(config: PublicationConfig, jurisdiction: string): CentreContact {
  const configured = config.centreContacts[jurisdiction];
  if (configured) return configured;
  const name = findJurisdiction(jurisdiction)?.name ?? jurisdiction;
  return { unit: `${name}职业技能鉴定中心` };
}

function publicConsoleUrl(): string {
  const raw = env('PUBLIC_CONSOLE_URL', 'http://127.0.0.1:3000').replace(/\/+$/, '');
  if (!/^https?:\/\/[^\s/]+(\/[^\s]*)?$/.test(raw)) throw new Error(`configuration: PUBLIC_CONSOLE_URL must be an http(s) address, got ${raw}`);
  return raw;
}

/** Where a filing notice's QR code points: the console's public verification page of that filing. */
export function verificationUrl(config: PublicationConfig, filingId: string): string {
  return `${config.publicConsoleUrl}/verify/${filingId}`;
}
