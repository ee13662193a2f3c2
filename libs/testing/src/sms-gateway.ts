// A local HTTP endpoint playing the province's SMS gateway (services/notification/README.md): it records each request
// and answers as told — the tests' gateway, and the local one `npm start` runs (requests land as .json files).
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import { AddressInfo } from 'node:net';

export interface SmsRequest {
  requestId: string;
  phoneNumber: string;
  signName: string;
  templateId: string;
  params: Record<string, string>;
  /** The request as it came: method, path, content type. */
  method: string;
  path: string;
  contentType: string;
}

export interface SmsGatewayOptions {
  port?: number;
  dir?: string;
  /** The status to answer with, given the request and how many times this requestId was seen (1 = the first). */
  answer?: (r: SmsRequest, attempt: number) => number;
}

export class SmsGateway {
  readonly requests: SmsRequest[] = [];
  private server?: http.Server;
  port = 0;

  constructor(private readonly opts: SmsGatewayOptions = {}) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}/sms/send`;
  }

  async start(): Promise<this> {
    if (this.opts.dir) fs.mkdirSync(this.opts.dir, { recursive: true });
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        let body: any = {};
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
          body = {};
        }
        const r: SmsRequest = { ...body, method: req.method ?? '', path: req.url ?? '', contentType: req.headers['content-type'] ?? '' };
        this.requests.push(r);
        const attempt = this.requests.filter((x) => x.requestId === r.requestId).length;
        const status = this.opts.answer?.(r, attempt) ?? 200;
        if (status === 200 && this.opts.dir) fs.writeFileSync(path.join(this.opts.dir, `${Date.now()}-${r.requestId}.json`), JSON.stringify(r, null, 2));
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify(
            status === 200
              ? { code: 'OK', messageId: `sms-${r.requestId}-${attempt}` }
              : { code: status >= 500 ? 'BUSY' : 'INVALID_PARAMETER', message: `status ${status}` },
          ),
        );
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(this.opts.port ?? 0, '127.0.0.1', () => resolve()));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  to(phone: string): SmsRequest[] {
    return this.requests.filter((r) => r.phoneNumber === phone);
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
