import { Injectable } from '@nestjs/common';

export interface HealthCheckResult {
  ok: boolean;
  detail?: string;
}

export type HealthCheck = () => Promise<HealthCheckResult> | HealthCheckResult;

export interface HealthCheckOptions {
  /**
   * Whether a failing check takes the process out of service (/health/ready answers 503). Only what serving HTTP
   * needs does (the database); the Kafka side is reported in the body but a broker blip must not empty the load
   * balancer (docs/adr/0009-readiness-and-liveness.md).
   */
  affectsReadiness?: boolean;
}

export interface HealthReport {
  ok: boolean;
  checks: Record<string, HealthCheckResult & { affectsReadiness?: boolean }>;
}

const CHECK_TIMEOUT_MS = 3000;

/**
 * The health of one process, as the parts of a service register it: readiness checks (database, producer, consumer,
 * relay...) and liveness checks (only conditions a restart cures: a consumer stuck with lag, a fatal crash).
 */
@Injectable()
export class HealthRegistry {
  private readonly readiness = new Map<string, { check: HealthCheck; affectsReadiness: boolean }>();
  private readonly liveness = new Map<string, HealthCheck>();

  register(name: string, check: HealthCheck, options: HealthCheckOptions = {}): void {
    this.readiness.set(name, { check, affectsReadiness: options.affectsReadiness ?? true });
  }

  registerLiveness(name: string, check: HealthCheck): void {
    this.liveness.set(name, check);
  }

  async run(): Promise<HealthReport> {
    const checks: HealthReport['checks'] = {};
    let ok = true;
    for (const [name, { check, affectsReadiness }] of this.readiness) {
      const result = await runCheck(check);
      checks[name] = affectsReadiness ? result : { ...result, affectsReadiness: false };
      if (affectsReadiness && !result.ok) ok = false;
    }
    return { ok, checks };
  }

  async live(): Promise<HealthReport> {
    const checks: HealthReport['checks'] = {};
    for (const [name, check] of this.liveness) checks[name] = await runCheck(check);
    return { ok: Object.values(checks).every((c) => c.ok), checks };
  }
}

async function runCheck(check: HealthCheck): Promise<HealthCheckResult> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      Promise.resolve(check()),
      new Promise<HealthCheckResult>((resolve) => {
        timer = setTimeout(() => resolve({ ok: false, detail: `timed out after ${CHECK_TIMEOUT_MS / 1000} s` }), CHECK_TIMEOUT_MS);
        timer.unref();
      }),
    ]);
  } catch (err) {
    return { ok: false, detail: (err as Error).message };
  } finally {
    clearTimeout(timer);
  }
}
