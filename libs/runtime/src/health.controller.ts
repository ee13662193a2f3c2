import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '@filing/auth';
import type { Response } from 'express';
import { HealthRegistry } from './health.registry';
import { metricsRegistry } from './metrics.registry';

/** What /health/ready and /health/live mean: docs/adr/0009-readiness-and-liveness.md. */
@ApiTags('operations')
@Public()
@Controller()
export class HealthController {
  constructor(private readonly health: HealthRegistry) {}

  /** The process can do its work: its event loop turns and nothing a restart would cure is wrong (stuck consumer). */
  @Get('health/live')
  async live(@Res() res: Response) {
    const result = await this.health.live();
    res.status(result.ok ? 200 : 503).json({ status: result.ok ? 'live' : 'not live', checks: result.checks });
  }

  /**
   * Ready for HTTP traffic: every check that serving HTTP needs passes (the database). Kafka producer, consumer and
   * outbox relay are reported in `checks` (with `affectsReadiness: false`) without taking the process out of service.
   */
  @Get('health/ready')
  async ready(@Res() res: Response) {
    const result = await this.health.run();
    res.status(result.ok ? 200 : 503).json({ status: result.ok ? 'ready' : 'not ready', checks: result.checks });
  }

  @Get('metrics')
  async metrics(@Res() res: Response) {
    res.setHeader('Content-Type', metricsRegistry.contentType);
    res.send(await metricsRegistry.metrics());
  }
}
