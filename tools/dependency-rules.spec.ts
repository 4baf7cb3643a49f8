import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repositoryRoot } from './asyncapi';

const ROOT = repositoryRoot(__dirname);

/**
 * The repository's dependency-cruiser config run over a small tree written out of the repository: each file breaks
 * a rule (or keeps them all), and the check must name the ones broken and pass the one kept.
 */
function cruise(files: Record<string, string>): { status: number | null; output: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hub-depcruise-'));
  try {
    writeFileSync(path.join(dir, 'tsconfig.json'), '{"compilerOptions": {"module": "commonjs"}}');
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), text);
    }
    const cli = path.join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
    const config = path.join(ROOT, '.dependency-cruiser.js');
    const run = spawnSync(process.execPath, [cli, '--config', config, '--output-type', 'err', ...dirsOf(files)], {
      cwd: dir,
      encoding: 'utf8',
    });
    return { status: run.status, output: `${run.stdout}${run.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const dirsOf = (files: Record<string, string>) => [...new Set(Object.keys(files).map((f) => f.split('/')[0]))];

const APPROVAL = { 'apps/approval/src/approval.app.ts': 'export const approvalApp = 1;\n' };

describe('the dependency rules (.dependency-cruiser.js)', () => {
  it('pass a tree that keeps them', () => {
    const run = cruise({
      ...APPROVAL,
      'apps/approval/src/use.ts': "import { approvalApp } from './approval.app';\nexport const x = approvalApp;\n",
      'libs/workdays/src/index.ts': 'export const days = 1;\n',
      'tools/thing.spec.ts':
        "import { approvalApp } from '../apps/approval/src/approval.app';\nexport const y = approvalApp;\n",
    });
    expect(run).toMatchObject({ status: 0, output: expect.stringContaining('no dependency violations') });
  });

  it.each([
    ['no-app-to-app', 'apps/supervision/src/b.ts', "import { approvalApp } from '../../approval/src/approval.app';"],
    ['no-lib-to-app', 'libs/sdk/src/c.ts', "import { approvalApp } from '../../../apps/approval/src/approval.app';"],
    ['no-tool-to-app', 'tools/d.ts', "import { approvalApp } from '../apps/approval/src/approval.app';"],
    ['no-tool-to-app', 'bench/e/e.bench.ts', "import { approvalApp } from '../../apps/approval/src/approval.app';"],
  ])('fail on %s: %s', (rule, file, line) => {
    const run = cruise({ ...APPROVAL, [file]: `${line}\nexport const z = approvalApp;\n` });
    expect(run.status).not.toBe(0);
    expect(run.output).toContain(`error ${rule}: ${file} → apps/approval/src/approval.app.ts`);
  });

  it('fail on domain code that imports infrastructure', () => {
    const run = cruise({
      'libs/persistence/src/index.ts': 'export const rows = 1;\n',
      'apps/supervision/src/claim.rules.ts':
        "import { rows } from '../../../libs/persistence/src';\nexport const r = rows;\n",
    });
    expect(run.status).not.toBe(0);
    expect(run.output).toContain('error domain-not-infrastructure: apps/supervision/src/claim.rules.ts');
  });
});
