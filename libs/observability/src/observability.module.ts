import { DynamicModule, Global, Module } from '@nestjs/common';
import { HealthController } from './health.controller';
import { HealthRegistry } from './health.registry';
import { HubMetrics } from './hub-metrics';

@Global()
@Module({})
export class ObservabilityModule {
  static forApp(metrics: HubMetrics): DynamicModule {
    return {
      module: ObservabilityModule,
      controllers: [HealthController],
      providers: [HealthRegistry, { provide: HubMetrics, useValue: metrics }],
      exports: [HealthRegistry, HubMetrics],
    };
  }
}
