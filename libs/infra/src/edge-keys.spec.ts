import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localEdgeKeys } from './edge-keys';

describe('localEdgeKeys', () => {
  it('generates an Ed25519 pair once, owner-only, and keeps it', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'hub-edge-keys-')), 'edge-keys.json');
    const first = localEdgeKeys(file);
    expect(first.privateKey).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(first.publicKey).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(localEdgeKeys(file)).toEqual(first);
  });
});
