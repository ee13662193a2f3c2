import { Injectable } from '@nestjs/common';

export interface HealthCheckResult {
  ok: boolean;
  detail?: string;
}

export type HealthCheck = () => Promise<HealthCheckResult> | HealthCheckResult;

/** Readiness checks registered by the parts of a service (database, producer, consumer...). */
@Injectable()
export class HealthRegistry {
  private readonly checks = new Map<string, HealthCheck>();

  register(name: string, check: HealthCheck): void {
    this.checks.set(name, check);
  }

  async run(): Promise<{ ok: boolean; checks: Record<string, HealthCheckResult> }> {
    const checks: Record<string, HealthCheckResult> = {};
    for (const [name, check] of this.checks) {
      try {
        checks[name] = await Promise.race([
          Promise.resolve(check()),
          new Promise<HealthCheckResult>((resolve) => setTimeout(() => resolve({ ok: false, detail: 'timed out after 3 s' }), 3000).unref()),
        ]);
      } catch (err) {
        checks[name] = { ok: false, detail: (err as Error).message };
      }
    }
    return { ok: Object.values(checks).every((c) => c.ok), checks };
  }
}
