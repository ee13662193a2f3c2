import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '@filing/auth';
import type { Response } from 'express';
import { HealthRegistry } from './health.registry';
import { metricsRegistry } from './metrics.registry';

@ApiTags('operations')
@Public()
@Controller()
export class HealthController {
  constructor(private readonly health: HealthRegistry) {}

  /** The process is up and its event loop turns. */
  @Get('health/live')
  @HttpCode(200)
  live() {
    return { status: 'live' };
  }

  /** Ready only when every registered check passes: database, Kafka producer, Kafka consumer. */
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
