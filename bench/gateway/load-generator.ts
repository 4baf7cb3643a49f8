/**
 * The load of bench/gateway, run as its own process (the gateway or baseline under test runs in another):
 * autocannon on loopback, each request a new signed CloudEvent (or a batch of them), so that nothing is a duplicate
 * and every signature is fresh. Reads its spec from BENCH_LOAD (JSON), prints one JSON result line.
 */
import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import { randomNonce, signRequest, unixSeconds } from '@hub/auth';
import { demoEnterprises, enterpriseRegisteredEvent } from '@hub/demo';

export interface LoadSpec {
  url: string;
  path: string;
  /** Events per request: 1 sends `application/cloudevents+json`, more a `cloudevents-batch+json` array. */
  batchSize: number;
  connections: number;
  /** Requests to send, after `warmup` unmeasured ones. */
  amount: number;
  warmup: number;
  accessKeyId: string;
  secret: string;
  /** Events to spread the keys over. */
  enterprises: number;
}

export interface LoadResult {
  requests: number;
  /** Events in requests answered 2xx. */
  acceptedEvents: number;
  seconds: number;
  eventsPerSecond: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p99: number; max: number };
  statusCodes: Record<string, number>;
  errors: number;
  timeouts: number;
  /** CPU (user + system) the load generator spent sending, warm-up included (building and signing excluded). */
  cpuMs?: number;
}

async function main(): Promise<void> {
  const spec = JSON.parse(process.env.BENCH_LOAD ?? '') as LoadSpec;
  const enterprises = demoEnterprises(spec.enterprises, 500_000);
  const run = randomBytes(4).toString('hex');
  let sequence = 0;
  const nextEvent = () => {
    const n = sequence++;
    return enterpriseRegisteredEvent(enterprises[n % enterprises.length]!, `bench-${run}-${n}`);
  };
  const contentType =
    spec.batchSize === 1
      ? 'application/cloudevents+json; charset=UTF-8'
      : 'application/cloudevents-batch+json; charset=UTF-8';
  // Every request is built and signed before the clock starts, so that the load generator spends its core on
  // sending, not on JSON and HMAC (the signatures stay fresh: a run lasts far less than the 300 s window).
  // A few spare: autocannon may set up a request on each connection beyond the amount; a reused nonce would be refused.
  const prepared = Array.from({ length: spec.warmup + spec.amount + 4 * spec.connections }, () => {
    const body =
      spec.batchSize === 1
        ? JSON.stringify(nextEvent())
        : JSON.stringify(Array.from({ length: spec.batchSize }, nextEvent));
    const authorization = signRequest({
      accessKeyId: spec.accessKeyId,
      secret: spec.secret,
      method: 'POST',
      path: spec.path,
      body,
      timestamp: unixSeconds(),
      nonce: randomNonce(),
    });
    return { body, headers: { 'content-type': contentType, authorization } };
  });
  let next = 0;
  let accepted = 0;
  const cpuBefore = process.cpuUsage();
  if (spec.warmup > 0) {
    await autocannon({
      url: spec.url,
      connections: spec.connections,
      amount: spec.warmup,
      timeout: 30,
      requests: [
        {
          method: 'POST',
          path: spec.path,
          setupRequest: (request: Record<string, unknown>) => ({ ...request, ...prepared[next++ % prepared.length] }),
        },
      ],
    });
  }
  const started = performance.now();
  let lastAnswer = started;
  const result = await autocannon({
    url: spec.url,
    connections: spec.connections,
    amount: spec.amount,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        path: spec.path,
        setupRequest: (request: Record<string, unknown>) => ({ ...request, ...prepared[next++ % prepared.length] }),
        onResponse: (status: number, body: string) => {
          lastAnswer = performance.now();
          if (status < 200 || status >= 300) return;
          // A batch answer counts its accepted events itself (a 207 accepts only some).
          accepted += spec.batchSize === 1 ? 1 : ((JSON.parse(body) as { accepted?: number }).accepted ?? 0);
        },
      },
    ],
  });
  const statusCodes = Object.fromEntries(
    Object.entries(result.statusCodeStats).map(([code, s]) => [code, Number(s.count)]),
  );
  const cpu = process.cpuUsage(cpuBefore);
  const requests = Object.values(statusCodes).reduce((a, b) => a + b, 0);
  // From the start to the last answer: autocannon's own duration, its finish time and even the moment its promise
  // resolves move in whole one-second ticks.
  const seconds = (lastAnswer - started) / 1000;
  const out: LoadResult = {
    requests,
    acceptedEvents: accepted,
    seconds,
    eventsPerSecond: Math.round(accepted / seconds),
    requestsPerSecond: Math.round(requests / seconds),
    latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
    statusCodes,
    errors: result.errors,
    timeouts: result.timeouts,
    cpuMs: (cpu.user + cpu.system) / 1000,
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
