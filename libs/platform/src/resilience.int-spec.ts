import { randomUUID } from 'node:crypto';
import { EnterpriseRegisteredV1 } from '@hub/contracts';
import { demoEnterprises, enterpriseRegisteredEvent } from '@hub/demo';
import { Enterprise, EnterpriseDirectory1764230500000, EnterpriseDirectoryModule } from '@hub/directory';
import { startLocalKafka, stopLocalKafka } from '@hub/infra';
import { OutboxWriter } from '@hub/messaging';
import {
  IsolatedEnv,
  applyCounts,
  eventually,
  explainedByBroker,
  installApplyLog,
  isolatedEnv,
  writeGrant,
} from '@hub/testing';
import { HubAppDefinition, RunningHubApp, startHubApp } from './hub-app';

const directoryApp: HubAppDefinition = {
  name: 'registry',
  modules: [EnterpriseDirectoryModule],
  entities: [Enterprise],
  migrations: [EnterpriseDirectory1764230500000],
};

async function commit(hub: RunningHubApp, count: number, from: number): Promise<string[]> {
  const events = demoEnterprises(count, from).map((e) => enterpriseRegisteredEvent(e, randomUUID()));
  const outbox = hub.app.get(OutboxWriter);
  await hub.dataSource.transaction((manager) => outbox.enqueue(manager, events));
  return events.map((e) => e.id);
}

async function expectAppliedOnce(iso: IsolatedEnv, ids: string[]): Promise<void> {
  const counts = await eventually(
    async () => {
      const c = await applyCounts(iso.databaseUrl, 'registry');
      expect(ids.filter((id) => c.has(id))).toHaveLength(ids.length);
      return c;
    },
    { timeoutMs: 180_000, intervalMs: 500 },
  );
  const applied = ids.map((id) => counts.get(id));
  expect(applied.filter((n) => n !== 1)).toEqual([]);
}

describe('resilience', () => {
  let iso: IsolatedEnv;

  beforeEach(async () => {
    // The stand-in registry publishes the 审批局's events through its own outbox, as the gateway relays them.
    iso = await isolatedEnv({}, { extraGrants: [writeGrant('registry', EnterpriseRegisteredV1.topic)] });
  });

  afterEach(async () => {
    await iso.dispose();
  });

  it('loses nothing when the broker stops and starts again mid-stream', async () => {
    const hub = await startHubApp(directoryApp, iso.env);
    try {
      await installApplyLog(iso.databaseUrl, 'registry.enterprise');
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) ids.push(...(await commit(hub, 200, 10_000 + i * 200)));
      await stopLocalKafka();
      // Accepted while the broker is down: held in the outbox.
      for (let i = 5; i < 10; i++) ids.push(...(await commit(hub, 200, 10_000 + i * 200)));
      await startLocalKafka();
      await explainedByBroker(iso.brokers, iso.topicPrefix, () => expectAppliedOnce(iso, ids));
    } finally {
      await hub.close();
    }
  });

  it('runs one relay per schema when two replicas run, and the other takes over', async () => {
    const replicas = [await startHubApp(directoryApp, iso.env), await startHubApp(directoryApp, iso.env)];
    const closed = new Set<RunningHubApp>();
    try {
      await installApplyLog(iso.databaseUrl, 'registry.enterprise');
      await eventually(() => expect(replicas.filter((r) => r.relay.isActive)).toHaveLength(1));
      const before = await commit(replicas[0], 300, 20_000);
      const active = replicas.find((r) => r.relay.isActive)!;
      const standby = replicas.find((r) => r !== active)!;
      await active.close();
      closed.add(active);
      const after = await commit(standby, 300, 20_300);
      await eventually(() => expect(standby.relay.isActive).toBe(true), { timeoutMs: 30_000 });
      await expectAppliedOnce(iso, [...before, ...after]);
    } finally {
      for (const replica of replicas) if (!closed.has(replica)) await replica.close();
    }
  });

  it('keeps heartbeating through a handler that outlasts the session timeout', async () => {
    const hub = await startHubApp(directoryApp, iso.env, {
      consumer: { sessionTimeoutMs: 6_000, heartbeatIntervalMs: 1_000 },
    });
    try {
      await installApplyLog(iso.databaseUrl, 'registry.enterprise', { slowMarker: 'SLOW', slowSeconds: 12 });
      // A first event through means the group has settled after its initial joins.
      await expectAppliedOnce(iso, await commit(hub, 1, 29_999));
      const joins = hub.server.groupJoins;
      const [enterprise] = demoEnterprises(1, 30_000);
      const slow = enterpriseRegisteredEvent({ ...enterprise, name: `${enterprise.name} SLOW` }, randomUUID());
      await hub.dataSource.transaction((manager) => hub.app.get(OutboxWriter).enqueue(manager, [slow]));
      await expectAppliedOnce(iso, [slow.id]);
      expect(hub.server.groupJoins).toBe(joins);
    } finally {
      await hub.close();
    }
  });
});
