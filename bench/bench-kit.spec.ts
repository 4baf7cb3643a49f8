import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { processCpuMs, writeBenchSection } from './bench-kit';

describe('writeBenchSection', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'bench-kit-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("replaces only what stands between the named bench's markers", () => {
    const file = path.join(dir, 'README.md');
    const other = '<!-- bench:other -->\n\nkept\n<!-- /bench:other -->';
    writeFileSync(file, `# Hub\n\n${other}\n\n<!-- bench:x -->\n\nNot run yet.\n<!-- /bench:x -->\n\n## After\n`);
    writeBenchSection('x', 'figures', file);
    writeBenchSection('x', 'new figures', file);
    expect(readFileSync(file, 'utf8')).toBe(
      `# Hub\n\n${other}\n\n<!-- bench:x -->\n\nnew figures\n<!-- /bench:x -->\n\n## After\n`,
    );
  });

  it('refuses a README without both markers', () => {
    const file = path.join(dir, 'README.md');
    writeFileSync(file, '# Hub\n\n<!-- bench:x -->\n');
    expect(() => writeBenchSection('x', 'figures', file)).toThrow(/no <!-- bench:x --> … <!-- \/bench:x --> section/);
  });
});

describe('processCpuMs', () => {
  it("counts the CPU of children that have exited only when asked, as PostgreSQL's ended sessions must be", () => {
    const [ownBefore, allBefore] = [processCpuMs(process.pid), processCpuMs(process.pid, true)];
    // A child that keeps a core busy for 300 ms of its own CPU time, then exits and is waited for.
    const burn = 'const s = process.cpuUsage(); while (process.cpuUsage(s).user < 300_000);';
    expect(spawnSync(process.execPath, ['-e', burn]).status).toBe(0);
    const childMs = processCpuMs(process.pid, true) - allBefore - (processCpuMs(process.pid) - ownBefore);
    expect(childMs).toBeGreaterThanOrEqual(300);
  });
});
