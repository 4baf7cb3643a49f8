import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeBenchSection } from './bench-kit';

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
