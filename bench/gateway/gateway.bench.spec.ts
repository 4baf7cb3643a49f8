import { execFileSync } from 'node:child_process';
import { allCpuMsPerEvent, cpuCeiling, markdownTable } from './gateway.bench';

describe('markdownTable', () => {
  it('lays a table out as Prettier does, so that the lint accepts the README after a run', () => {
    const table = markdownTable([
      ['phase', 'events/s', 'p50 ms', 'p99 ms'],
      ['gateway, `POST /v1/events` (one event per request)', '555', '25', '63'],
      ['baseline: multi-row INSERT of the same events (100 per statement)', '50106', '5.7', '27.4'],
    ]);
    const prettier = require.resolve('prettier/bin/prettier.cjs');
    const formatted = execFileSync(process.execPath, [prettier, '--stdin-filepath', 'README.md'], {
      input: table + '\n',
      encoding: 'utf8',
    });
    expect(formatted).toBe(table + '\n');
  });
});

describe('the CPU budget', () => {
  const phase = {
    requests: 100,
    acceptedEvents: 10_000,
    seconds: 1,
    eventsPerSecond: 10_000,
    requestsPerSecond: 100,
    latencyMs: { p50: 1, p99: 2, max: 3 },
    statusCodes: { 202: 100 },
    errors: 0,
    timeouts: 0,
  };

  it('adds up the CPU per event of the server, the load generator, PostgreSQL and Kafka', () => {
    const all = allCpuMsPerEvent({
      ...phase,
      cpuMsPerEvent: 0.15,
      loadCpuMsPerEvent: 0.012,
      infrastructureCpuMsPerEvent: { postgres: 0.05, kafka: 0.0131 },
    });
    expect(all).toBe(0.225);
  });

  it('counts a part that was not measured as nothing (the INSERT has no load generator)', () => {
    expect(
      allCpuMsPerEvent({ ...phase, cpuMsPerEvent: 0.011, infrastructureCpuMsPerEvent: { postgres: 0.028, kafka: 0 } }),
    ).toBe(0.039);
  });

  it('bounds the events per second by the cores over the CPU each event takes', () => {
    expect(cpuCeiling(0.04, 2)).toBe(50_000);
    expect(cpuCeiling(0.25, 2)).toBe(8_000);
    expect(cpuCeiling(0.25, 4)).toBe(16_000);
  });
});
