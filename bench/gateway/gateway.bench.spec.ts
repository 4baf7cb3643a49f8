import { execFileSync } from 'node:child_process';
import { markdownTable } from './gateway.bench';

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
