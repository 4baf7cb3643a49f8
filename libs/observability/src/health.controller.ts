import { Controller, Get, Header, HttpCode, Res } from '@nestjs/common';
import type { Response } from 'express';
import { HealthRegistry } from './health.registry';
import { HubMetrics } from './hub-metrics';

@Controller()
export class HealthController {
  constructor(
    private readonly health: HealthRegistry,
    private readonly metrics: HubMetrics,
  ) {}

  @Get('health/live')
  @HttpCode(200)
  live(): { status: 'up' } {
    return { status: 'up' };
  }

  @Get('health/ready')
  async ready(@Res() res: Response): Promise<void> {
    const { ready, checks } = await this.health.evaluate();
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not-ready', checks });
  }

  @Get('metrics')
  @Header('Cache-Control', 'no-store')
  async scrape(@Res() res: Response): Promise<void> {
    res.setHeader('Content-Type', this.metrics.registry.contentType);
    res.send(await this.metrics.registry.metrics());
  }
}
