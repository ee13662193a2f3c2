// A real SMTP server on this machine (smtp-server) that keeps every mail it is handed, parsed (mailparser): the
// tests' mail server, and the local mail catcher `npm start` runs (the mails also land as .eml files in a directory).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AddressInfo } from 'node:net';
import { SMTPServer, SMTPServerAddress } from 'smtp-server';
import { simpleParser } from 'mailparser';

export interface CaughtMail {
  /** Envelope recipients (RCPT TO). */
  to: string[];
  from: string;
  subject: string;
  text: string;
  messageId: string;
  headers: Map<string, unknown>;
  receivedAt: Date;
}

export interface MailCatcherOptions {
  port?: number;
  host?: string;
  /** Each mail is also written there as `<time>-<n>.eml`. */
  dir?: string;
  /** An SMTP refusal for a recipient (e.g. `{ code: 451 }` to make a sender try again, 550 for an unknown mailbox). */
  refuse?: (address: string) => { code: number; message: string } | undefined;
}

export class MailCatcher {
  readonly mails: CaughtMail[] = [];
  private server?: SMTPServer;
  private count = 0;
  port = 0;

  constructor(private readonly opts: MailCatcherOptions = {}) {}

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    if (this.opts.dir) fs.mkdirSync(this.opts.dir, { recursive: true });
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo: (address: SMTPServerAddress, _session, callback) => {
        const refusal = this.opts.refuse?.(address.address);
        if (!refusal) return callback();
        const err = new Error(refusal.message) as Error & { responseCode: number };
        err.responseCode = refusal.code;
        callback(err);
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks);
          simpleParser(raw)
            .then((parsed) => {
              this.count++;
              if (this.opts.dir) fs.writeFileSync(path.join(this.opts.dir, `${Date.now()}-${this.count}.eml`), raw);
              this.mails.push({
                to: session.envelope.rcptTo.map((r) => r.address),
                from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
                subject: parsed.subject ?? '',
                text: parsed.text ?? '',
                messageId: parsed.messageId ?? '',
                headers: parsed.headers,
                receivedAt: new Date(),
              });
              callback();
            })
            .catch((err: Error) => callback(err));
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(this.opts.port ?? 0, this.opts.host ?? '127.0.0.1', () => resolve());
    });
    this.port = ((this.server as unknown as { server: { address(): AddressInfo } }).server.address() as AddressInfo).port;
    return this;
  }

  to(address: string): CaughtMail[] {
    return this.mails.filter((m) => m.to.includes(address));
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
