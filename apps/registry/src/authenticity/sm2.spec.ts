import { execFileSync } from 'node:child_process';
import { createPublicKey, verify } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sm2 } from 'sm-crypto-v2';
import { EXAMPLE_ISSUER_KEY } from '@hub/contracts';
import { signSm2, sm2PemFromPublicKey, sm2PublicKeyFromPem, sm3Hex, verifySm2 } from './sm2';

// Proved against an implementation the project did not write: OpenSSL 3's SM2 (GB/T 32918 with the distinguishing
// identifier in Z).
const openssl = (args: string[], input?: Buffer): Buffer => execFileSync('openssl', args, { input, stdio: 'pipe' });
const DISTID = '1234567812345678';

describe('SM2 signatures (GB/T 32918) against OpenSSL 3', () => {
  let dir: string;
  const file = Buffer.from('食品经营许可证 JY11308710000123 承德高新区示例食品有限公司');
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'sm2-'));
    openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:SM2', '-out', path.join(dir, 'key.pem')]);
    openssl(['pkey', '-in', path.join(dir, 'key.pem'), '-pubout', '-out', path.join(dir, 'pub.pem')]);
    writeFileSync(path.join(dir, 'file.bin'), file);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const opensslSign = (id = DISTID): Buffer =>
    openssl([
      'pkeyutl',
      '-sign',
      '-rawin',
      '-digest',
      'sm3',
      '-pkeyopt',
      `distid:${id}`,
      '-inkey',
      path.join(dir, 'key.pem'),
      '-in',
      path.join(dir, 'file.bin'),
    ]);
  const publicHex = (): string => {
    const key = sm2PublicKeyFromPem(readFileSync(path.join(dir, 'pub.pem'), 'utf8'));
    if (!key.ok) throw new Error(key.reason);
    return key.hex;
  };

  it('verifies a signature OpenSSL made, with the key registered as PEM', () => {
    expect(verifySm2(file, opensslSign(), publicHex())).toBe(true);
  });

  it('refuses it over another file, with another signer id, or with another key', () => {
    const signature = opensslSign();
    expect(verifySm2(Buffer.concat([file, Buffer.from(' ')]), signature, publicHex())).toBe(false);
    expect(verifySm2(file, signature, publicHex(), '1234567812345679')).toBe(false);
    expect(verifySm2(file, signature, sm2.generateKeyPairHex().publicKey)).toBe(false);
    expect(verifySm2(file, opensslSign('registry@hub'), publicHex(), 'registry@hub')).toBe(true);
  });

  it('makes signatures OpenSSL verifies, and OpenSSL refuses a forged one', () => {
    const keys = sm2.generateKeyPairHex();
    const pem = sm2PemFromPublicKey(keys.publicKey);
    writeFileSync(path.join(dir, 'ours.pub.pem'), pem);
    const verifyWithOpenssl = (signature: Buffer): string => {
      writeFileSync(path.join(dir, 'ours.sig'), signature);
      try {
        return openssl([
          'pkeyutl',
          '-verify',
          '-rawin',
          '-digest',
          'sm3',
          '-pkeyopt',
          `distid:${DISTID}`,
          '-pubin',
          '-inkey',
          path.join(dir, 'ours.pub.pem'),
          '-in',
          path.join(dir, 'file.bin'),
          '-sigfile',
          path.join(dir, 'ours.sig'),
        ]).toString();
      } catch (error) {
        return String((error as { stdout?: Buffer }).stdout ?? error);
      }
    };
    expect(verifyWithOpenssl(signSm2(file, keys.privateKey))).toMatch(/Signature Verified Successfully/);
    const forged = signSm2(file, sm2.generateKeyPairHex().privateKey);
    expect(verifyWithOpenssl(forged)).toMatch(/Signature Verification Failure/);
    // The PEM we write is the one OpenSSL reads back to the same point.
    expect(sm2PublicKeyFromPem(pem)).toEqual({ ok: true, hex: keys.publicKey });
  });

  it('is not what node:crypto does: its ECDSA verify on the SM2 curve refuses the genuine SM2 signature', () => {
    const signature = opensslSign();
    expect(verify('sm3', file, createPublicKey(readFileSync(path.join(dir, 'pub.pem'))), signature)).toBe(false);
    expect(verifySm2(file, signature, publicHex())).toBe(true);
  });

  it('digests with SM3 as OpenSSL does', () => {
    const theirs = openssl(['dgst', '-sm3', '-r', path.join(dir, 'file.bin')])
      .toString()
      .split(' ')[0];
    expect(sm3Hex(file)).toBe(theirs);
  });

  it('refuses a PEM that is no SM2 key, naming why', () => {
    const p256 = openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256']);
    const p256Public = openssl(['pkey', '-pubout'], p256).toString();
    expect(sm2PublicKeyFromPem(p256Public)).toEqual({ ok: false, reason: expect.stringMatching(/SM2 curve/) });
    expect(sm2PublicKeyFromPem('-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n')).toEqual({
      ok: false,
      reason: expect.stringMatching(/not a PEM SubjectPublicKeyInfo/),
    });
    expect(sm2PublicKeyFromPem(EXAMPLE_ISSUER_KEY).ok).toBe(true);
    expect(verifySm2(file, Buffer.from('not der'), publicHex())).toBe(false);
  });
});
