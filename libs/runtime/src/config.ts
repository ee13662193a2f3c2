// Configuration read from the environment, failing at start-up with the variable's name when it is wrong.

export function env(name: string, fallback?: string): string {
  const v = process.env[name];
  if (v !== undefined && v !== '') return v;
  if (fallback !== undefined) return fallback;
  throw new Error(`configuration: environment variable ${name} is required`);
}

export function intEnv(name: string, fallback?: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') {
    if (fallback !== undefined) return fallback;
    throw new Error(`configuration: environment variable ${name} is required`);
  }
  const n = Number(raw);
  if (!Number.isInteger(n)) throw new Error(`configuration: ${name} must be an integer, got "${raw}"`);
  return n;
}

export function boolEnv(name: string, fallback: boolean): boolean {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
  throw new Error(`configuration: ${name} must be true or false, got "${raw}"`);
}

/** PostgreSQL connection string; the local server by default. */
export function databaseUrl(): string {
  return env('DATABASE_URL', 'postgres://postgres@127.0.0.1:5432/postgres');
}

/**
 * Limits every PostgreSQL session of a service carries, so that no statement, lock wait or forgotten transaction can
 * hang a request, a consumer or the outbox relay for ever: a statement runs at most DATABASE_STATEMENT_TIMEOUT_MS, a
 * lock is waited for at most DATABASE_LOCK_TIMEOUT_MS, and a transaction idle for DATABASE_IDLE_IN_TRANSACTION_MS
 * is ended by the server. Passed to node-postgres as connection options.
 */
export function databaseSessionLimits(): {
  statement_timeout: number;
  lock_timeout: number;
  idle_in_transaction_session_timeout: number;
  connectionTimeoutMillis: number;
} {
  return {
    statement_timeout: intEnv('DATABASE_STATEMENT_TIMEOUT_MS', 30000),
    lock_timeout: intEnv('DATABASE_LOCK_TIMEOUT_MS', 10000),
    idle_in_transaction_session_timeout: intEnv('DATABASE_IDLE_IN_TRANSACTION_MS', 60000),
    connectionTimeoutMillis: intEnv('DATABASE_CONNECT_TIMEOUT_MS', 5000),
  };
}

export function kafkaBrokers(): string[] {
  return env('KAFKA_BROKERS', '127.0.0.1:9092')
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean);
}

/**
 * One environment variable a service reads: declared once, in the service's `infrastructure/<service>.config.ts`,
 * with its default and what it means. The README's configuration table is checked against these declarations
 * (test/lint/configuration.spec.ts).
 */
export interface ConfigVariable {
  readonly name: string;
  /** The value used when the variable is unset, as the code reads it; absent when there is none. */
  readonly default?: string;
  /** The default as the README shows it, where that reads better than the raw value (`20 MB`, `(none)`). */
  readonly shown?: string;
  readonly meaning: string;
}

/**
 * A service's settings read from its declared variables, and only those: reading an undeclared name is a programming
 * error, and a value that does not parse stops the process at start-up with the variable's name.
 */
export class Settings {
  constructor(
    private readonly declared: readonly ConfigVariable[],
    private readonly source: NodeJS.ProcessEnv = process.env,
  ) {}

  private raw(name: string): string | undefined {
    const variable = this.declared.find((v) => v.name === name);
    if (!variable) throw new Error(`configuration: ${name} is read but not declared`);
    const value = this.source[name];
    return value !== undefined && value !== '' ? value : variable.default;
  }

  text(name: string): string {
    const value = this.raw(name);
    if (value === undefined) throw new Error(`configuration: environment variable ${name} is required`);
    return value;
  }

  optionalText(name: string): string | undefined {
    return this.raw(name);
  }

  int(name: string): number {
    const value = this.text(name);
    const n = Number(value);
    if (!Number.isInteger(n)) throw new Error(`configuration: ${name} must be an integer, got "${value}"`);
    return n;
  }

  number(name: string): number {
    const value = this.text(name);
    const n = Number(value);
    if (!Number.isFinite(n)) throw new Error(`configuration: ${name} must be a number, got "${value}"`);
    return n;
  }

  bool(name: string): boolean {
    const value = this.text(name);
    if (value !== 'true' && value !== 'false') throw new Error(`configuration: ${name} must be true or false, got "${value}"`);
    return value === 'true';
  }

  /** A comma-separated list, blanks dropped. */
  list(name: string): string[] {
    return (this.optionalText(name) ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  }
}
