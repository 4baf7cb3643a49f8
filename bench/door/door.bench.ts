/**
 * bench/door: the same signed calls through the gateway's door and straight to the domain app with a valid
 * assertion, in the same run — a claim (supervision, a write) and a timeline read (approval). The apps and the
 * gateway run as processes, as `npm start` runs them; this process is the department system. Every request is
 * built and signed before its phase's clock starts, so that the figures are the servers'.
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { ASSERTION_HEADER, AssertionSigner } from '@hub/assertion';
import { randomNonce, signRequest, unixSeconds } from '@hub/auth';
import { LicenceGrantedV1, createEvent } from '@hub/contracts';
import { demoUscc } from '@hub/demo';
import { newEdgeKeys } from '@hub/infra';
import { AppProcess, DepartmentSystems, hubProcessEnv, signedCall, startAppProcess } from '@hub/testing';
import { machine, percentile, round, withBenchInfrastructure, writeBenchSection, writeResult } from '../bench-kit';
import { markdownTable } from '../gateway/gateway.bench';

const CONNECTIONS = 16;
const WARMUP = 300;
const ADMIN = { accessKeyId: 'AKBENCHDOOR', secret: `bench-door-${randomBytes(16).toString('hex')}` };

interface Prepared {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
}

interface PhaseResult {
  call: string;
  path: 'door' | 'direct';
  calls: number;
  callsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  statuses: Record<string, number>;
}

/** `CONNECTIONS` loops sending the prepared requests one after another; latency per call. */
async function drive(
  requests: Prepared[],
): Promise<{ seconds: number; latencies: number[]; statuses: Record<string, number> }> {
  let next = 0;
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      for (let i = next++; i < requests.length; i = next++) {
        const { url, ...init } = requests[i]!;
        const sent = performance.now();
        const response = await fetch(url, init);
        await response.arrayBuffer();
        latencies.push(performance.now() - sent);
        statuses[response.status] = (statuses[response.status] ?? 0) + 1;
      }
    }),
  );
  return { seconds: (performance.now() - started) / 1000, latencies, statuses };
}

async function phase(call: string, path: 'door' | 'direct', build: (i: number) => Promise<Prepared>, count: number) {
  const warmup = await Promise.all(Array.from({ length: WARMUP }, (_, i) => build(count + i)));
  await drive(warmup);
  const requests = await Promise.all(Array.from({ length: count }, (_, i) => build(i)));
  const { seconds, latencies, statuses } = await drive(requests);
  latencies.sort((a, b) => a - b);
  const result: PhaseResult = {
    call,
    path,
    calls: count,
    callsPerSecond: Math.round(count / seconds),
    p50Ms: round(percentile(latencies, 50)),
    p99Ms: round(percentile(latencies, 99)),
    statuses,
  };
  console.log(JSON.stringify(result));
  return result;
}

export async function runDoorBench(events: number): Promise<Record<string, unknown>> {
  const count = Math.max(1_000, Math.min(events, 5_000));
  return withBenchInfrastructure(async ({ brokers, databaseUrl, topicPrefix }) => {
    const edge = newEdgeKeys();
    const envOf = await hubProcessEnv({
      KAFKA_BROKERS: brokers.join(','),
      DATABASE_URL: databaseUrl,
      KAFKA_TOPIC_PREFIX: topicPrefix,
      LOG_LEVEL: 'warn',
      HUB_ADMIN_ACCESS_KEY_ID: ADMIN.accessKeyId,
      HUB_ADMIN_SECRET: ADMIN.secret,
      HUB_EDGE_SIGNING_KEY: edge.privateKey,
      HUB_EDGE_PUBLIC_KEY: edge.publicKey,
    });
    const apps: AppProcess[] = [];
    try {
      for (const name of ['approval', 'supervision', 'gateway']) apps.push(await startAppProcess(name, envOf(name)));
      const [approval, supervision, gateway] = apps as [AppProcess, AppProcess, AppProcess];
      const systems = new DepartmentSystems(gateway.url, ADMIN);
      const scjg = await systems.credential('SCJG');
      const spj = await systems.credential('SPJ');
      // One approval with a timeline to read: granted by the 审批局's system through the intake.
      const approvalId = `BENCH-DOOR-${randomBytes(3).toString('hex').toUpperCase()}`;
      const grant = createEvent(
        LicenceGrantedV1,
        {
          uscc: demoUscc(1),
          approvalId,
          matterCode: 'SPJ-SPJY-001',
          licenceNo: 'JY-DOOR-1',
          decidedAt: new Date().toISOString(),
        },
        { source: '/departments/SPJ/systems/case-handling', department: 'SPJ' },
      );
      const published = await signedCall(gateway.url, spj, 'POST', '/v1/events', grant, 'application/cloudevents+json');
      if (published.status !== 202) throw new Error(`grant: ${published.status} ${JSON.stringify(published.body)}`);
      const timelinePath = `/v1/approvals/${approvalId}/timeline`;
      for (;;) {
        if ((await systems.call('approval', 'SCJG', 'GET', timelinePath)).status === 200) break;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }

      const signer = await AssertionSigner.fromPem(edge.privateKey);
      const asserted = async (audience: string) => ({
        [ASSERTION_HEADER]: await signer.sign(audience, {
          subject: scjg.accessKeyId,
          department: 'SCJG',
          system: 'case-handling',
          roles: [],
        }),
      });
      const signed = (method: string, path: string, body = '') => ({
        authorization: signRequest({
          ...scjg,
          method,
          path,
          query: '',
          body,
          timestamp: unixSeconds(),
          nonce: randomNonce(),
        }),
      });
      const run = randomBytes(3).toString('hex').toUpperCase();
      const claimBody = (i: number, path: string) =>
        JSON.stringify({ approvalId: `CLAIM-${run}-${path}-${i}`, uscc: demoUscc(i), actor: 'SCJG-bench' });
      const json = { 'content-type': 'application/json' };

      const loadAtStart = os.loadavg()[0]!;
      const phases: PhaseResult[] = [];
      phases.push(
        await phase(
          'timeline read',
          'direct',
          async () => ({
            url: `${approval.url}${timelinePath}`,
            method: 'GET',
            headers: await asserted('approval'),
          }),
          count,
        ),
        await phase(
          'timeline read',
          'door',
          async () => ({
            url: `${gateway.url}/v1/approval${timelinePath.slice(3)}`,
            method: 'GET',
            headers: signed('GET', `/v1/approval${timelinePath.slice(3)}`),
          }),
          count,
        ),
        await phase(
          'claim',
          'direct',
          async (i) => {
            const body = claimBody(i, 'direct');
            return {
              url: `${supervision.url}/v1/claims`,
              method: 'POST',
              body,
              headers: { ...json, ...(await asserted('supervision')) },
            };
          },
          count,
        ),
        await phase(
          'claim',
          'door',
          async (i) => {
            const body = claimBody(i, 'door');
            return {
              url: `${gateway.url}/v1/supervision/claims`,
              method: 'POST',
              body,
              headers: { ...json, ...signed('POST', '/v1/supervision/claims', body) },
            };
          },
          count,
        ),
      );
      const ratios = ['timeline read', 'claim'].map((call) => {
        const direct = phases.find((p) => p.call === call && p.path === 'direct')!;
        const door = phases.find((p) => p.call === call && p.path === 'door')!;
        return {
          call,
          throughput: round(door.callsPerSecond / direct.callsPerSecond, 2),
          p99: round(door.p99Ms / direct.p99Ms, 2),
        };
      });
      const result = {
        at: new Date().toISOString(),
        loadAverage: [round(loadAtStart, 1), round(os.loadavg()[0]!, 1)],
        machine: machine(),
        connections: CONNECTIONS,
        calls: count,
        phases,
        ratios,
      };
      console.log(`  written to ${writeResult('door', result)}`);
      writeBenchSection('door', readmeSection(result));
      return result;
    } finally {
      for (const app of apps.reverse()) await app.stop();
    }
  });
}

function readmeSection(result: {
  at: string;
  machine: Record<string, unknown>;
  calls: number;
  loadAverage: number[];
  phases: PhaseResult[];
  ratios: { call: string; throughput: number; p99: number }[];
}): string {
  const rows = result.phases.map((p) => [
    `${p.call}, ${p.path === 'door' ? 'through the gateway (HMAC → assertion)' : 'straight to the app (assertion)'}`,
    String(p.callsPerSecond),
    String(p.p50Ms),
    String(p.p99Ms),
  ]);
  const verdict = (r: { throughput: number; p99: number }) =>
    `calls/s **${r.throughput}×** direct (floor ≥ 0.6: ${r.throughput >= 0.6 ? 'met' : 'not met'}), p99 **${r.p99}×** direct (≤ 2: ${r.p99 <= 2 ? 'met' : 'not met'})`;
  return [
    `\`npm run bench -- door\` on ${String(result.machine.cpus)} cores (${String(result.machine.cpuModel)}), Node ${String(result.machine.node)}, ${result.at.slice(0, 10)}:`,
    `${result.calls} calls per phase after ${WARMUP} unmeasured, ${CONNECTIONS} in flight, from a second process on loopback; the`,
    'gateway, approval and supervision apps as processes on real Kafka and PostgreSQL. A claim is a new held claim',
    `(a write); a timeline read reads one approval’s timeline. Load average ${result.loadAverage.join(' → ')} over the run.`,
    '',
    markdownTable([['phase', 'calls/s', 'p50 ms', 'p99 ms'], ...rows]),
    '',
    ...result.ratios.map((r) => `${r.call}: ${verdict(r)}.`),
    '',
  ].join('\n');
}
