import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeReadmeSection } from './gateway.bench';

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
