import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const CLI = path.join(ROOT, 'dist', 'tools', 'hub-cli.js');
const VECTOR = path.join(ROOT, 'libs', 'draw', 'test-vectors', 'ssgk-draw-1-vector.json');

/** `hub verify-draw` as a citizen runs it: the built binary, a shell's environment, no credentials anywhere. */
describe('hub verify-draw (the built CLI)', () => {
  let dir: string;
  const hub = (args: string[]) =>
    spawnSync(process.execPath, [CLI, ...args], {
      cwd: dir,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', HUB_CREDENTIALS_FILE: path.join(dir, 'none.json') },
      timeout: 60_000,
    });

  beforeAll(() => (dir = mkdtempSync(path.join(tmpdir(), 'verify-draw-cli-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('exits 0 for the spec vector, printing every check', () => {
    const run = hub(['verify-draw', VECTOR]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout.split('\n').filter((l) => l.startsWith('✓'))).toHaveLength(6);
  });

  it('exits 1 naming the first failing check of a record with one changed field', () => {
    const record = JSON.parse(readFileSync(VECTOR, 'utf8')) as { entropy: string };
    record.entropy = 'witness-entropy-43';
    writeFileSync(path.join(dir, 'changed.json'), JSON.stringify(record));
    const run = hub(['verify-draw', 'changed.json']);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('✗ 随机种子 seedHex — seedHex: the record has 49de336d');
    expect(run.stdout).toMatch(/^未通过 failed: 随机种子 seedHex: /m);
  });

  it('exits 2 with the usage when no record is named', () => {
    const run = hub(['verify-draw']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('verify-draw needs a record');
  });
});
