import { ConfigVariable, Settings } from '@filing/runtime';
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

/** Every variable publication reads of its own (the shared ones are the runtime's and messaging's). */
export const PUBLICATION_VARIABLES: readonly ConfigVariable[] = [
  { name: 'NOTICE_WORKING_DAYS', default: '5', meaning: 'publication: length of the public notice in working days (公示期, at least 5)' },
  { name: 'NOTICE_PUBLICATION_DAY_COUNTS', default: 'false', meaning: 'publication: whether the day the notice is published is its first working day' },
  { name: 'NOTICE_POLL_MS', default: '30000', meaning: 'publication: how often the scheduler looks for notices whose window has ended' },
  { name: 'NOTICE_SCHEDULER', default: 'on', meaning: 'publication: `off` runs a process that never closes notices by itself (tests)' },
  { name: 'FILING_NOTICE_NUMBER_TEMPLATE', default: '吉人社备〔{year}〕{seq}号', meaning: 'publication: the 备案通知文号, with {year} and {seq}' },
  { name: 'FILING_NUMBER_TEMPLATE', default: '220000-{year}-{seq:4}', meaning: 'publication: the 备案编号, with {year} and {seq} ({seq:4} pads to 4 digits)' },
  { name: 'PUBLIC_NOTICE_NUMBER_TEMPLATE', default: '公示〔{year}〕第{seq}号', meaning: 'publication: the 公示编号, counted per jurisdiction and year' },
  { name: 'FILING_ISSUING_AUTHORITY', default: '吉林省人力资源和社会保障厅', meaning: 'publication: the authority named on a filing notice' },
  { name: 'OBJECTION_RATE_LIMIT', default: '5', meaning: 'publication: objections one client address may lodge per window' },
  { name: 'OBJECTION_RATE_WINDOW_MS', default: String(10 * 60 * 1000), shown: '600000', meaning: 'publication: the window of that limit, in milliseconds' },
  { name: 'OBJECTION_MAX_PER_NOTICE', default: '200', meaning: 'publication: objections one notice takes at most' },
  { name: 'OBJECTION_MAX_BODY_BYTES', default: String(16 * 1024), shown: '16384', meaning: 'publication: largest objection request body, in bytes' },
  {
    name: 'CENTRE_CONTACTS',
    shown: '(centre by name)',
    meaning: 'publication: the accepting unit a notice names, JSON {"<jurisdiction>": {"unit", "phone", "address"}}',
  },
  { name: 'PUBLIC_CONSOLE_URL', default: 'http://127.0.0.1:3000', meaning: "publication: the console's public address, which a filing notice's QR code opens" },
  { name: 'DOCUMENT_FONT_DIR', default: '/usr/share/fonts/opentype/noto', meaning: 'publication: where Noto Serif CJK is (fonts-noto-cjk)' },
];

/** Publication's settings, read and checked once at start-up (publication-config.module.ts provides them). */
export function loadPublicationConfig(source: NodeJS.ProcessEnv = process.env): PublicationConfig {
  const settings = new Settings(PUBLICATION_VARIABLES, source);
  const noticeWorkingDays = settings.int('NOTICE_WORKING_DAYS');
  if (noticeWorkingDays < 5) throw new Error('configuration: NOTICE_WORKING_DAYS must be at least 5 (procedure: 公示不少于5个工作日)');
  const noticeNumberTemplate = settings.text('FILING_NOTICE_NUMBER_TEMPLATE');
  assertNoticeNumberTemplate(noticeNumberTemplate, 'FILING_NOTICE_NUMBER_TEMPLATE');
  const publicNoticeNumberTemplate = settings.text('PUBLIC_NOTICE_NUMBER_TEMPLATE');
  assertNoticeNumberTemplate(publicNoticeNumberTemplate, 'PUBLIC_NOTICE_NUMBER_TEMPLATE');
  const filingNumberTemplate = settings.text('FILING_NUMBER_TEMPLATE');
  assertNoticeNumberTemplate(filingNumberTemplate, 'FILING_NUMBER_TEMPLATE');
  let centreContacts: Record<string, CentreContact> = {};
  const raw = settings.optionalText('CENTRE_CONTACTS');
  if (raw) {
    try {
      centreContacts = JSON.parse(raw);
    } catch (err) {
      throw new Error(`configuration: CENTRE_CONTACTS must be JSON {"<jurisdiction>": {"unit", "phone", "address"}}: ${(err as Error).message}`);
    }
  }
  return {
    noticeWorkingDays,
    publicationDayCounts: settings.bool('NOTICE_PUBLICATION_DAY_COUNTS'),
    noticePollMs: settings.int('NOTICE_POLL_MS'),
    noticeNumberTemplate,
    filingNumberTemplate,
    issuingAuthority: settings.text('FILING_ISSUING_AUTHORITY'),
    objectionRateLimit: settings.int('OBJECTION_RATE_LIMIT'),
    objectionRateWindowMs: settings.int('OBJECTION_RATE_WINDOW_MS'),
    objectionMaxPerNotice: settings.int('OBJECTION_MAX_PER_NOTICE'),
    objectionMaxBodyBytes: settings.int('OBJECTION_MAX_BODY_BYTES'),
    centreContacts,
    publicNoticeNumberTemplate,
    publicConsoleUrl: publicConsoleUrl(settings.text('PUBLIC_CONSOLE_URL')),
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

function publicConsoleUrl(value: string): string {
  const raw = value.replace(/\/+$/, '');
  if (!/^https?:\/\/[^\s/]+(\/[^\s]*)?$/.test(raw)) throw new Error(`configuration: PUBLIC_CONSOLE_URL must be an http(s) address, got ${raw}`);
  return raw;
}

/** Where a filing notice's QR code points: the console's public verification page of that filing. */
export function verificationUrl(config: PublicationConfig, filingId: string): string {
  return `${config.publicConsoleUrl}/verify/${filingId}`;
}
