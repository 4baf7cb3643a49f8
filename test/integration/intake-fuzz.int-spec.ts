import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { Kafka } from 'kafkajs';
import { DeadLetterHeaders, EnterpriseRegisteredV1, deadLetterTopic, ingressTopic } from '@hub/contracts';
import { demoEnterprises, enterpriseRegisteredEvent } from '@hub/demo';
import { HubEnv, loadEnv } from '@hub/config';
import { HubAppDefinition, RunningHubApp, startHubApp } from '@hub/platform';
import { IsolatedEnv, eventually, isolatedEnv, processEnv, readTopic, signedCall, testKafka } from '@hub/testing';
import { approvalApp } from '../../apps/approval/src/approval.app';
import { consoleApp } from '../../apps/console/src/console.app';
import { gatewayApp } from '../../apps/gateway/src/gateway.app';
import { inspectionApp } from '../../apps/inspection/src/inspection.app';
import { registryApp } from '../../apps/registry/src/registry.app';
import { supervisionApp } from '../../apps/supervision/src/supervision.app';
import { seedDemoCredentials } from '../../tools/seed-demo';

// Fixed seed and bounded counts: the run is the same every time, and a failure names the case that broke.
const SEED = 20_261_203;
const HTTP_RUNS = 2_000;
const KAFKA_RUNS = 1_000;
/** Every app of the hub, each in this process on the real broker and database: every consumer sees every event. */
const APPS: HubAppDefinition[] = [gatewayApp, approvalApp, supervisionApp, inspectionApp, registryApp, consoleApp];
const ADMIN = { accessKeyId: 'AKFUZZADMIN', secret: `fuzz-admin-${randomBytes(16).toString('hex')}` };

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Mutation = (event: Record<string, unknown>) => void;

/** Strings a careless or hostile sender sends: control characters, NUL, lone surrogates, very long, backtracking bait. */
const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', '\u0000', 'a\u0000b', '\ud800', 'x\udfffy', '\ufffe', ' ', '../../etc', '__proto__'),
  fc.integer({ min: 256, max: 6_000 }).map((n) => 'x'.repeat(n)),
  fc.integer({ min: 10, max: 40 }).map((n) => 'a/b;' + ' ;'.repeat(n) + '\u0001'),
);

const hostileValue: fc.Arbitrary<Json> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
  fc.integer({ min: 50, max: 3_000 }).map((depth) => nested(depth)),
);

function nested(depth: number): Json {
  let value: Json = 'bottom';
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? { n: value } : [value];
  return value;
}

/** The demo 审批局 approval system: the events are its own. */
const SOURCE = '/departments/SPJ/systems/approval';

const STRUCTURED = 'application/cloudevents+json';

const ATTRIBUTES = [
  'id',
  'source',
  'type',
  'subject',
  'time',
  'specversion',
  'datacontenttype',
  'dataschema',
  'partitionkey',
  'department',
  'traceparent',
  'correlationid',
  'causationid',
];
const DATA_FIELDS = Object.keys(EnterpriseRegisteredV1.example);

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc
    .record({ name: fc.constantFrom(...ATTRIBUTES), value: hostileValue })
    .map(({ name, value }): Mutation => (event) => {
      event[name] = value;
    }),
  fc.constantFrom(...ATTRIBUTES).map((name): Mutation => (event) => {
    delete event[name];
  }),
  fc
    .record({ name: fc.oneof(fc.constantFrom(...DATA_FIELDS), fc.string({ maxLength: 8 })), value: hostileValue })
    .map(({ name, value }): Mutation => (event) => {
      dataOf(event)[name] = value;
    }),
  fc.constantFrom(...DATA_FIELDS).map((name): Mutation => (event) => {
    delete dataOf(event)[name];
  }),
  // Another enterprise's code as the partition key: the key must stay the payload's uscc.
  fc.integer({ min: 0, max: 10_000 }).map((n): Mutation => (event) => {
    event['partitionkey'] = demoEnterprises(1, n)[0]!.uscc;
  }),
  hostileValue.map((value): Mutation => (event) => {
    event['data'] = value;
  }),
);

/** A valid registration by the 审批局, then none, one or a few mutations. */
const candidate = fc
  .record({
    enterprise: fc.integer({ min: 0, max: 5_000 }),
    id: fc.uuid(),
    mutations: fc.oneof(
      { weight: 2, arbitrary: fc.constant([] as Mutation[]) },
      { weight: 3, arbitrary: fc.array(mutation, { minLength: 1, maxLength: 3 }) },
    ),
  })
  .map(({ enterprise, id, mutations }) => {
    const event = structuredClone(
      enterpriseRegisteredEvent(demoEnterprises(1, 700_000 + enterprise)[0]!, id),
    ) as Record<string, unknown>;
    event['source'] = SOURCE;
    for (const mutate of mutations) mutate(event);
    return event;
  });

/**
 * The gateway's intake fed thousands of generated events, valid and hostile, over signed HTTP and the SPJ
 * ingress topic, with every app running: no answer is a 5xx, every accepted event reaches its canonical topic
 * exactly once with the payload's uscc as its key, and no consumer dead-letters an event the gateway accepted.
 */
describe('the intake under generated input (fast-check)', () => {
  let iso: IsolatedEnv;
  let apps: Map<string, RunningHubApp>;
  let dir: string;
  /** The 审批局's approval system, whose `source` the generated events carry. */
  let approvalSystem: { accessKeyId: string; secret: string };
  const canonical = (): string => `${iso.topicPrefix}${EnterpriseRegisteredV1.topic}`;
  const ingress = (): string => `${iso.topicPrefix}${ingressTopic('SPJ')}`;
  /** `source id` of every event the hub said it accepted, with its payload's uscc when it had one. */
  const accepted = new Map<string, string | undefined>();

  beforeAll(async () => {
    iso = await isolatedEnv();
    const env = {
      ...process.env,
      ...processEnv(iso),
      PORT: '0',
      LOG_LEVEL: 'error',
      // Thousands of events from one department in a few seconds: the rate limit is not under test here.
      GATEWAY_RATE_LIMIT: '100000',
      GATEWAY_RATE_BURST: '100000',
      HUB_ADMIN_ACCESS_KEY_ID: ADMIN.accessKeyId,
      HUB_ADMIN_SECRET: ADMIN.secret,
    };
    apps = new Map();
    for (const app of APPS) apps.set(app.name, await startHubApp(app, loadEnv(app.env ?? HubEnv, env)));
    dir = mkdtempSync(path.join(tmpdir(), 'hub-fuzz-'));
    const credentials = await seedDemoCredentials(apps.get('gateway')!.url, ADMIN, path.join(dir, 'credentials.json'));
    approvalSystem = credentials.find((c) => c.source === SOURCE)!;
  });

  afterAll(async () => {
    for (const app of apps?.values() ?? []) await app.close();
    await iso?.dispose();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('answers every signed request below 500', async () => {
    const gateway = apps.get('gateway')!.url;
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(candidate, async (event) => {
        const response = await signedCall(gateway, approvalSystem, 'POST', '/v1/events', event, STRUCTURED);
        if (response.status >= 500) {
          throw new Error(
            `${response.status} for ${JSON.stringify(event).slice(0, 600)}: ${JSON.stringify(response.body)}`,
          );
        }
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        if (response.status === 202) accepted.set(identity(event), usccOf(event));
      }),
      { seed: SEED, numRuns: HTTP_RUNS, endOnFailure: true },
    );
    // Most generated events are refused; enough valid ones must get through for what follows to mean something.
    if (accepted.size <= HTTP_RUNS / 10) {
      throw new Error(`only ${accepted.size} accepted; answers by status: ${JSON.stringify([...statuses])}`);
    }
  });

  it('takes or dead-letters with a reason every message on the ingress topic, never stalling', async () => {
    const kafka = testKafka(iso.brokers);
    const producer = kafka.producer();
    await producer.connect();
    const sent: { partition: number; offset: string; event: Record<string, unknown> }[] = [];
    try {
      await fc.assert(
        fc.asyncProperty(candidate, async (event) => {
          const [result] = await producer.send({
            topic: ingress(),
            messages: [{ key: String(usccOf(event) ?? ''), value: JSON.stringify(event) }],
          });
          sent.push({ partition: result!.partition, offset: result!.baseOffset!, event });
        }),
        { seed: SEED + 1, numRuns: KAFKA_RUNS },
      );
    } finally {
      await producer.disconnect();
    }
    await caughtUp(kafka, `${iso.topicPrefix}gateway`, ingress());
    const letters = await readTopic(iso.brokers, deadLetterTopic(ingress()), () => false, 5_000);
    const dead = new Set(
      letters.map(
        (l) => `${l.headers[DeadLetterHeaders.originalPartition]}@${l.headers[DeadLetterHeaders.originalOffset]}`,
      ),
    );
    for (const letter of letters) expect(letter.headers[DeadLetterHeaders.reason]).toMatch(/\S/);
    for (const { partition, offset, event } of sent) {
      if (!dead.has(`${partition}@${offset}`)) accepted.set(identity(event), usccOf(event));
    }
    expect(dead.size).toBeLessThan(sent.length);
  });

  it('puts every accepted event on its canonical topic exactly once, keyed by its uscc', async () => {
    const seen = new Map<string, { count: number; key: string | undefined }>();
    await eventually(
      async () => {
        const messages = await readTopic(iso.brokers, canonical(), (m) => m.length >= accepted.size, 10_000);
        seen.clear();
        for (const m of messages) {
          const id = `${m.headers['ce_source']} ${m.headers['ce_id']}`;
          seen.set(id, { count: (seen.get(id)?.count ?? 0) + 1, key: m.message.key?.toString() });
        }
        expect([...accepted.keys()].filter((id) => !seen.has(id))).toEqual([]);
      },
      { timeoutMs: 180_000, intervalMs: 2_000 },
    );
    expect([...seen].filter(([, s]) => s.count !== 1)).toEqual([]);
    expect([...seen.keys()].filter((id) => !accepted.has(id))).toEqual([]);
    expect([...accepted].filter(([id, uscc]) => seen.get(id)?.key !== uscc)).toEqual([]);
  });

  it('leaves no consumer dead-lettering an event the gateway accepted', async () => {
    const kafka = testKafka(iso.brokers);
    for (const group of ['approval', 'supervision', 'inspection', 'registry']) {
      await caughtUp(kafka, `${iso.topicPrefix}${group}`, canonical());
    }
    const letters = await readTopic(iso.brokers, deadLetterTopic(canonical()), () => false, 5_000);
    expect(letters.map((l) => [l.headers[DeadLetterHeaders.consumer], l.headers[DeadLetterHeaders.reason]])).toEqual(
      [],
    );
  });
});

/** The event's data to mutate; one an earlier mutation made a non-object is replaced by an empty object. */
function dataOf(event: Record<string, unknown>): Record<string, unknown> {
  const data = event['data'];
  if (typeof data === 'object' && data !== null && !Array.isArray(data)) return data as Record<string, unknown>;
  return (event['data'] = {}) as Record<string, unknown>;
}

function identity(event: Record<string, unknown>): string {
  return `${String(event['source'])} ${String(event['id'])}`;
}

function usccOf(event: Record<string, unknown>): string | undefined {
  const data = event['data'];
  const uscc = typeof data === 'object' && data !== null ? (data as Record<string, unknown>)['uscc'] : undefined;
  return typeof uscc === 'string' ? uscc : undefined;
}

/** Waits until the group has committed past everything now on the topic. */
async function caughtUp(kafka: Kafka, groupId: string, topic: string): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const ends = await admin.fetchTopicOffsets(topic);
    await eventually(
      async () => {
        const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
        const behind = ends.filter((end) => {
          const at = committed?.partitions.find((p) => p.partition === end.partition)?.offset ?? '-1';
          return Number(at) < Number(end.high);
        });
        expect(behind).toEqual([]);
      },
      { timeoutMs: 180_000, intervalMs: 1_000 },
    );
  } finally {
    await admin.disconnect();
  }
}
