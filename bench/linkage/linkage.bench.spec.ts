import { execFileSync } from 'node:child_process';
import { readmeSection } from './linkage.bench';

describe('the linkage README section', () => {
  it('states the figures and the verdict, laid out as Prettier leaves it (the lint checks the README)', () => {
    const stage = (firstSeconds: number, lastSeconds: number) => ({ firstSeconds, lastSeconds, events: 100_000 });
    const markdown = readmeSection({
      at: '2026-11-28T01:00:00.000Z',
      machine: { cpus: 2, cpuModel: 'AMD EPYC', node: 'v20.20.2' },
      partitions: 6,
      baseline: { eventsPerSecond: 9000, seconds: 33.3, latencyMs: { p50: 1480.4, p99: 2151.2 }, peakRssMiB: 420 },
      hub: {
        approvals: 100_000,
        events: 300_000,
        eventsPerSecond: 3000,
        seconds: 100,
        grantToPushMs: { p50: 9000.3, p99: 18000.9 },
        stages: {
          'approval ← /departments/SPJ/systems/approval': stage(1.5, 80),
          'supervision ← /apps/approval': stage(2, 85),
          'approval ← /apps/supervision': stage(5, 100),
        },
        processLoad: {
          cpuSeconds: { approval: 60, supervision: 40, bench: 10, postgres: 30, kafka: 20 },
          loadAverage: [2.1, 3.4],
        },
        peakRssMiB: { approval: 300, supervision: 250, bench: 200 },
      },
      ratio: 0.33,
    });
    expect(markdown).toContain('| hub linkage  | 3 000');
    expect(markdown).toContain('9 000 / 18 001 (grant → push applied)');
    expect(markdown).toContain('**0.33** (target ≥ 0.5: not met)');
    expect(markdown).toContain('claims on the timelines 5–100 s');
    expect(markdown).toContain('approval app 60 s (0.6 ms per approval), supervision app');
    expect(markdown).toContain('300 + 250 MiB (apps)');
    const prettier = require.resolve('prettier/bin/prettier.cjs');
    const formatted = execFileSync(process.execPath, [prettier, '--stdin-filepath', 'README.md'], {
      input: markdown + '\n',
      encoding: 'utf8',
    });
    expect(formatted).toBe(markdown + '\n');
  });
});
