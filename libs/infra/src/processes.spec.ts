import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isAlive, lastLines, readPidFile, tailOfFile, terminate } from './processes';

describe('lastLines / tailOfFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hub-infra-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('returns the last lines without the trailing newline', () => {
    expect(lastLines('a\nb\nc\n\n', 2)).toBe('b\nc');
    expect(lastLines('only', 5)).toBe('only');
  });

  it('reads only the end of a large file, and nothing of a missing one', () => {
    const file = join(dir, 'big.log');
    writeFileSync(file, Array.from({ length: 10_000 }, (_, i) => `line ${i}`).join('\n') + '\n');
    expect(tailOfFile(file, 2)).toBe('line 9998\nline 9999');
    expect(tailOfFile(join(dir, 'missing.log'), 2)).toBe('');
  });

  it('reads a pid file and ignores garbage', () => {
    const file = join(dir, 'x.pid');
    writeFileSync(file, '1234\n');
    expect(readPidFile(file)).toBe(1234);
    writeFileSync(file, 'nope');
    expect(readPidFile(file)).toBeUndefined();
    expect(readPidFile(join(dir, 'none.pid'))).toBeUndefined();
  });
});

describe('terminate', () => {
  it('ends a process that obeys SIGTERM', async () => {
    const child = spawn('sleep', ['30'], { stdio: 'ignore' });
    const pid = child.pid as number;
    await terminate(pid, 5_000);
    expect(isAlive(pid)).toBe(false);
  });

  it('falls back to SIGKILL when SIGTERM is ignored', async () => {
    // exec keeps the ignored SIGTERM and leaves no shell behind.
    const child = spawn('sh', ['-c', 'trap "" TERM; exec sleep 30'], { stdio: 'ignore' });
    const pid = child.pid as number;
    const exit = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    await new Promise((resolve) => setTimeout(resolve, 200));
    await terminate(pid, 500);
    expect(isAlive(pid)).toBe(false);
    expect(await exit).toBe('SIGKILL'); // SIGTERM was ignored, so only the fallback can have ended it
  });

  it('does nothing for a process that is already gone', async () => {
    const child = spawn('true');
    await new Promise((resolve) => child.on('exit', resolve));
    await expect(terminate(child.pid as number, 100)).resolves.toBeUndefined();
  });
});
