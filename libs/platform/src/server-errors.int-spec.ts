import { Controller, Get, Module, Param } from '@nestjs/common';
import { EnterpriseRegisteredV1 } from '@hub/contracts';
import { OnEvent } from '@hub/messaging';
import { IsolatedEnv, isolatedEnv } from '@hub/testing';
import { HubAppDefinition, RunningHubApp, startHubApp } from './hub-app';
import { ProblemException } from './problem-details';

@Controller('things')
class Things {
  @Get(':id')
  one(@Param('id') id: string): string {
    if (id.startsWith('broken')) throw new Error(`a bug with ${id}`);
    if (id === 'busy') throw new ProblemException(503, 'unavailable', 'busy');
    if (id === 'missing') throw new ProblemException(404, 'not-found', 'no such thing');
    return id;
  }

  // An app's consumer needs a handler to start.
  @OnEvent(EnterpriseRegisteredV1.type)
  registered(): void {}
}

@Module({ controllers: [Things] })
class ThingsModule {}

const app: HubAppDefinition = { name: 'registry', modules: [ThingsModule], entities: [], migrations: [] };

/** Every 5xx answer is counted on /metrics per route pattern and status; other answers are not. */
describe('5xx answers on /metrics', () => {
  let iso: IsolatedEnv;
  let hub: RunningHubApp;

  const counted = async (): Promise<string[]> =>
    (await (await fetch(`${hub.url}/metrics`)).text())
      .split('\n')
      .filter((line) => line.startsWith('hub_http_server_errors_total{'))
      .map((line) => line.replace(/,?app="[^"]*"/, ''))
      .sort();

  beforeAll(async () => {
    iso = await isolatedEnv();
    hub = await startHubApp(app, iso.env);
  });

  afterAll(async () => {
    await hub?.close();
    await iso?.dispose();
  });

  it('counts each 5xx by method, route and status, and nothing else', async () => {
    const statuses = [];
    for (const id of ['broken-1', 'broken-2', 'busy', 'missing', 'fine']) {
      statuses.push((await fetch(`${hub.url}/things/${id}`)).status);
    }
    expect(statuses).toEqual([500, 500, 503, 404, 200]);
    expect(await counted()).toEqual([
      'hub_http_server_errors_total{method="GET",route="/things/:id",status="500"} 2',
      'hub_http_server_errors_total{method="GET",route="/things/:id",status="503"} 1',
    ]);
  });
});
