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

export function kafkaBrokers(): string[] {
  return env('KAFKA_BROKERS', '127.0.0.1:9092')
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean);
}
