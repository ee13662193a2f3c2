import { ConfigVariable, Settings } from '@filing/runtime';
import type { ExternalChannel } from '../notifications/domain/channels';

/** Every variable the notification service reads of its own (the shared ones are the runtime's and messaging's). */
export const NOTIFICATION_VARIABLES: readonly ConfigVariable[] = [
  {
    name: 'PUBLIC_CONSOLE_URL',
    default: 'http://127.0.0.1:3000',
    meaning: "notification: the console's address; every notice links to the page that acts on it under it",
  },
  { name: 'SMTP_URL', shown: '(off)', meaning: 'notification: e-mail over SMTP, e.g. `smtp://user:pass@mail.example.cn:587`; unset = no e-mail' },
  { name: 'NOTIFY_MAIL_FROM', default: '吉林省职业技能鉴定中心 <noreply@jl-filing.example.cn>', meaning: "notification: the mails' sender" },
  {
    name: 'SMS_GATEWAY_URL',
    shown: '(off)',
    meaning: "notification: the province's SMS gateway endpoint (POST, services/notification/README.md); unset = no SMS",
  },
  { name: 'SMS_SIGN_NAME', default: '吉林人社', meaning: 'notification: the SMS signature (短信签名) registered at the gateway' },
  { name: 'NOTIFY_POLL_MS', default: '500', meaning: 'notification: how often the delivery worker looks for queued messages' },
  { name: 'NOTIFY_MAX_ATTEMPTS', default: '5', meaning: 'notification: attempts per e-mail or SMS before it is recorded as failed' },
  { name: 'NOTIFY_RETRY_BACKOFF_MS', default: '2000', meaning: 'notification: wait before the first retry; doubles each time' },
  { name: 'NOTIFY_RETRY_MAX_MS', default: '600000', meaning: 'notification: the longest wait between two attempts' },
  { name: 'NOTIFY_SEND_TIMEOUT_MS', default: '15000', meaning: 'notification: one SMTP or SMS gateway call gives up after this long' },
];

export class NotificationConfig {
  readonly consoleUrl: string;
  readonly smtpUrl?: string;
  readonly mailFrom: string;
  readonly smsGatewayUrl?: string;
  readonly smsSignName: string;
  readonly pollMs: number;
  readonly maxAttempts: number;
  readonly retryBackoffMs: number;
  readonly retryMaxMs: number;
  readonly sendTimeoutMs: number;

  constructor(source: NodeJS.ProcessEnv = process.env) {
    const settings = new Settings(NOTIFICATION_VARIABLES, source);
    this.consoleUrl = settings.text('PUBLIC_CONSOLE_URL').replace(/\/+$/, '');
    this.smtpUrl = settings.optionalText('SMTP_URL');
    this.mailFrom = settings.text('NOTIFY_MAIL_FROM');
    this.smsGatewayUrl = settings.optionalText('SMS_GATEWAY_URL');
    this.smsSignName = settings.text('SMS_SIGN_NAME');
    this.pollMs = settings.int('NOTIFY_POLL_MS');
    this.maxAttempts = settings.int('NOTIFY_MAX_ATTEMPTS');
    this.retryBackoffMs = settings.int('NOTIFY_RETRY_BACKOFF_MS');
    this.retryMaxMs = settings.int('NOTIFY_RETRY_MAX_MS');
    this.sendTimeoutMs = settings.int('NOTIFY_SEND_TIMEOUT_MS');
    for (const [name, url] of [
      ['SMTP_URL', this.smtpUrl],
      ['SMS_GATEWAY_URL', this.smsGatewayUrl],
      ['PUBLIC_CONSOLE_URL', this.consoleUrl],
    ] as const) {
      if (url !== undefined && !URL.canParse(url)) throw new Error(`configuration: ${name} is not a URL`);
    }
    if (this.smtpUrl && !/^smtps?:$/.test(new URL(this.smtpUrl).protocol)) throw new Error('configuration: SMTP_URL must be smtp:// or smtps://');
    if (this.maxAttempts < 1) throw new Error('configuration: NOTIFY_MAX_ATTEMPTS must be at least 1');
  }

  /** The channels this deployment delivers on besides the inbox. */
  get configuredChannels(): ExternalChannel[] {
    return [...(this.smtpUrl ? (['email'] as const) : []), ...(this.smsGatewayUrl ? (['sms'] as const) : [])];
  }
}

/** Read and checked once, when the process starts. */
export const notificationConfig = new NotificationConfig();
