import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { markdownTable, writeReadmeSection } from './gateway.bench';

describe('writeReadmeSection', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'bench-readme-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('replaces only what stands between the bench:gateway markers', () => {
    const file = path.join(dir, 'README.md');
    writeFileSync(file, '# Hub\n\n<!-- bench:gateway -->\n\nNot run yet.\n<!-- /bench:gateway -->\n\n## After\n');
    writeReadmeSection('| a | b |', file);
    expect(readFileSync(file, 'utf8')).toBe(
      '# Hub\n\n<!-- bench:gateway -->\n\n| a | b |\n<!-- /bench:gateway -->\n\n## After\n',
    );
    writeReadmeSection('again', file);
    expect(readFileSync(file, 'utf8')).toBe(
      '# Hub\n\n<!-- bench:gateway -->\n\nagain\n<!-- /bench:gateway -->\n\n## After\n',
    );
  });

  it('refuses a README without the markers', () => {
    const file = path.join(dir, 'README.md');
    writeFileSync(file, '# Hub\n');
    expect(() => writeReadmeSection('x', file)).toThrow(/no <!-- bench:gateway -->/);
  });
});

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
