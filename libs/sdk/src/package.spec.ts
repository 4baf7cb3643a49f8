import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const SDK_ROOT = path.resolve(__dirname, '..');

/**
 * The package as a department would install it: built, packed by npm, unpacked outside the monorepo (no
 * node_modules, no path aliases), then required by its name.
 */
describe('@chengde-hub/sdk as a published package', () => {
  let tmp: string;
  beforeAll(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'hub-sdk-'));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('packs to a self-contained package that signs the spec test vector', () => {
    const pkg = path.join(tmp, 'pkg');
    mkdirSync(pkg);
    for (const file of ['package.json', 'README.md']) copyFileSync(path.join(SDK_ROOT, file), path.join(pkg, file));
    execFileSync(process.execPath, [path.join(SDK_ROOT, 'build-package.js'), path.join(pkg, 'dist')], {
      stdio: 'pipe',
    });
    const packed = JSON.parse(
      execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', tmp], {
        cwd: pkg,
        encoding: 'utf8',
      }),
    ) as {
      filename: string;
      files: { path: string }[];
    }[];
    const files = packed[0]!.files.map((f) => f.path);
    expect(files).toEqual(
      expect.arrayContaining([
        'package.json',
        'README.md',
        'dist/sdk/src/index.js',
        'dist/sdk/src/index.d.ts',
        'dist/auth/src/hmac-signing.js',
      ]),
    );
    expect(files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);

    const consumer = path.join(tmp, 'consumer');
    const installed = path.join(consumer, 'node_modules', '@chengde-hub', 'sdk');
    mkdirSync(installed, { recursive: true });
    execFileSync('tar', ['-xzf', path.join(tmp, packed[0]!.filename), '-C', installed, '--strip-components=1']);
    expect(readdirSync(installed)).toEqual(expect.arrayContaining(['dist', 'package.json', 'README.md']));
    writeFileSync(
      path.join(consumer, 'main.js'),
      `const { HubClient, HubError, requestSignature } = require('@chengde-hub/sdk');
const body = '{"specversion":"1.0","id":"evt-0001","source":"/departments/SPJ/systems/approval","type":"zone.approval.licence.granted.v1","subject":"91130871MA0CXQ123U","time":"2026-11-27T08:00:00Z","datacontenttype":"application/json","data":{"matterCode":"SPJ-SPXK-001"}}';
const signature = requestSignature('demo-secret-SPJ-0001', { method: 'POST', path: '/v1/events', body, timestamp: 1795766400, nonce: 'n-7f3a9c2e41d04b8f' });
new HubClient({ url: 'http://127.0.0.1:1', accessKeyId: 'k', secret: 's' });
console.log(JSON.stringify({ signature, hubError: typeof HubError }));`,
    );
    const out = execFileSync(process.execPath, ['main.js'], {
      cwd: consumer,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '' },
    });
    expect(JSON.parse(out)).toEqual({
      signature: 'c9399f9498f3ec0c5964b0e7a11f872b5def78513101240ae10f7dc47b002d4e',
      hubError: 'function',
    });
  });
});
