import { LoggerService, LogLevel } from '@nestjs/common';
import { currentCorrelation } from './correlation.context';

const ORDER: LogLevel[] = ['verbose', 'debug', 'log', 'warn', 'error', 'fatal'];

/** One JSON object per line on stdout, with service name and correlation id (docs/architecture.md §10). */
export class JsonLogger implements LoggerService {
  private readonly minLevel: number;

  constructor(
    private readonly service: string,
    level = (process.env.LOG_LEVEL as LogLevel | undefined) ?? 'log',
  ) {
    this.minLevel = Math.max(0, ORDER.indexOf(level));
  }

  log(message: unknown, ...rest: unknown[]) {
    this.write('log', message, rest);
  }
  error(message: unknown, ...rest: unknown[]) {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]) {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]) {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]) {
    this.write('verbose', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]) {
    this.write('fatal', message, rest);
  }

  private write(level: LogLevel, message: unknown, rest: unknown[]) {
    if (ORDER.indexOf(level) < this.minLevel) return;
    // Nest passes (message, context) or (message, stack, context).
    const context = typeof rest[rest.length - 1] === 'string' ? (rest[rest.length - 1] as string) : undefined;
    const stack = rest.length > 1 && typeof rest[0] === 'string' ? (rest[0] as string) : undefined;
    const scope = currentCorrelation();
    const line: Record<string, unknown> = {
      time: new Date().toISOString(),
      level,
      service: this.service,
      context,
      correlationId: scope?.correlationId,
    };
    if (message instanceof Error) {
      line.msg = message.message;
      line.stack = message.stack;
    } else if (typeof message === 'object' && message !== null) {
      Object.assign(line, message);
    } else {
      line.msg = String(message);
    }
    if (stack) line.stack = stack;
    process.stdout.write(`${JSON.stringify(line)}\n`);
  }
}
