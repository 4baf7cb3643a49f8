import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { verifyDrawCommand, type VerifyDrawOptions } from './verify-draw';

const VECTOR = readFileSync(path.resolve(__dirname, '..', 'libs', 'draw', 'test-vectors', 'ssgk-draw-1-vector.json'));

describe('hub verify-draw', () => {
  let dir: string;
  let server: Server;
  let base: string;
  let out: string[];
  let err: string[];
  const options = (extra: Partial<VerifyDrawOptions> = {}): VerifyDrawOptions => ({
    cwd: dir,
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    ...extra,
  });

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'verify-draw-'));
    server = createServer((request, response) => {
      if (request.url === '/public/v1/draws/vector') response.writeHead(200).end(VECTOR);
      // Chunked: the limit holds as the body arrives; declared: before it does.
      else if (request.url === '/big') response.writeHead(200).end(Buffer.alloc(4096, 32));
      else if (request.url === '/declared') response.writeHead(200, { 'content-length': 4096 }).end(Buffer.alloc(4096));
      else if (request.url === '/silent')
        response.writeHead(200); // headers only, the body never ends
      else response.writeHead(404).end('{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  beforeEach(() => {
    out = [];
    err = [];
  });

  it('prints each check of the spec vector and exits 0, from a file relative to the caller', async () => {
    writeFileSync(path.join(dir, 'record.json'), VECTOR);
    expect(await verifyDrawCommand('record.json', options())).toBe(0);
    expect(out).toEqual([
      '✓ 记录格式 record',
      '✓ 承诺值 commitment',
      '✓ 候选名单摘要 candidateDigest',
      '✓ 随机种子 seedHex',
      '✓ 抽取对象 targets',
      '✓ 检查组 teams',
      '通过 verified: every check holds (hash: node:crypto)',
    ]);
    expect(err).toEqual([]);
  });

  it('exits 1 naming the first check that fails', async () => {
    const record = JSON.parse(VECTOR.toString()) as { targets: { teams: { SCJG: string[] } }[] };
    record.targets[3]!.teams.SCJG = ['I-04', 'I-03'];
    writeFileSync(path.join(dir, 'changed.json'), JSON.stringify(record));
    expect(await verifyDrawCommand(path.join(dir, 'changed.json'), options())).toBe(1);
    const failure = 'targets[3].teams["SCJG"]: the record has ["I-04","I-03"], recomputed ["I-03","I-04"]';
    expect(out.slice(4)).toEqual([
      '✓ 抽取对象 targets',
      `✗ 检查组 teams — ${failure}`,
      `未通过 failed: 检查组 teams: ${failure}`,
    ]);
  });

  it('fetches a record over HTTP', async () => {
    expect(await verifyDrawCommand(`${base}/public/v1/draws/vector`, options())).toBe(0);
    expect(out.at(-1)).toContain('通过 verified');
  });

  it('exits 3 when the record cannot be had, saying why', async () => {
    expect(await verifyDrawCommand(`${base}/public/v1/draws/none`, options())).toBe(3);
    expect(await verifyDrawCommand(`${base}/big`, options({ maxBytes: 1024 }))).toBe(3);
    expect(await verifyDrawCommand(`${base}/declared`, options({ maxBytes: 1024 }))).toBe(3);
    expect(await verifyDrawCommand(`${base}/silent`, options({ timeoutMs: 200 }))).toBe(3);
    expect(await verifyDrawCommand('no-such-file.json', options())).toBe(3);
    writeFileSync(path.join(dir, 'not.json'), 'draw: yes');
    expect(await verifyDrawCommand('not.json', options())).toBe(3);
    expect(err).toEqual([
      `hub verify-draw: ${base}/public/v1/draws/none answered HTTP 404`,
      `hub verify-draw: ${base}/big is larger than 1024 bytes`,
      `hub verify-draw: ${base}/declared is larger than 1024 bytes (4096)`,
      `hub verify-draw: ${base}/silent did not answer within 200 ms`,
      expect.stringMatching(/^hub verify-draw: cannot read .*no-such-file\.json: ENOENT/),
      expect.stringMatching(/^hub verify-draw: not\.json is not JSON: /),
    ]);
    expect(out).toEqual([]);
  });
});
