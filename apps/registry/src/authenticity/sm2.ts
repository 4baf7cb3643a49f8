import { createHash, createPublicKey } from 'node:crypto';
import { sm2 } from 'sm-crypto-v2';
import { DEFAULT_SM2_SIGNER_ID } from '@hub/contracts';

// SubjectPublicKeyInfo of an SM2 key: AlgorithmIdentifier { id-ecPublicKey (1.2.840.10045.2.1), sm2 curve
// (1.2.156.10197.1.301) }, then the BIT STRING of the uncompressed point 04 || x || y. Node's KeyObject reads and
// re-encodes the PEM (so any valid PEM spelling gives these bytes), but cannot export an SM2 key as JWK.
const SM2_SPKI_HEADER = Buffer.from('3059301306072a8648ce3d020106082a811ccf5501822d03420004', 'hex');
const POINT_BYTES = 64;

/** Why a PEM is not an SM2 public key, or the key as sm-crypto-v2 takes it (04 || x || y, hex). */
export function sm2PublicKeyFromPem(pem: string): { ok: true; hex: string } | { ok: false; reason: string } {
  let der: Buffer;
  try {
    der = createPublicKey(pem).export({ format: 'der', type: 'spki' });
  } catch (error) {
    return { ok: false, reason: `not a PEM SubjectPublicKeyInfo: ${(error as Error).message}` };
  }
  if (
    der.length !== SM2_SPKI_HEADER.length + POINT_BYTES ||
    !der.subarray(0, SM2_SPKI_HEADER.length).equals(SM2_SPKI_HEADER)
  ) {
    return { ok: false, reason: 'not an EC public key on the SM2 curve (1.2.156.10197.1.301), uncompressed' };
  }
  const hex = `04${der.subarray(SM2_SPKI_HEADER.length).toString('hex')}`;
  if (!sm2.verifyPublicKey(hex)) return { ok: false, reason: 'the point is not on the SM2 curve' };
  return { ok: true, hex };
}

/** The PEM SubjectPublicKeyInfo of a raw SM2 public key (04 || x || y, hex), as issuers register it. */
export function sm2PemFromPublicKey(hex: string): string {
  if (!/^04[0-9a-fA-F]{128}$/.test(hex))
    throw new RangeError('an uncompressed SM2 public key is 04 || x || y, 65 bytes');
  const der = Buffer.concat([SM2_SPKI_HEADER, Buffer.from(hex.slice(2), 'hex')]);
  const body = der.toString('base64').replace(/(.{64})/g, '$1\n');
  return `-----BEGIN PUBLIC KEY-----\n${body}\n-----END PUBLIC KEY-----\n`;
}

/**
 * GB/T 32918.2 verification of an SM2 signature (DER SEQUENCE { r, s }, as OpenSSL and GM/T 0009 encode it) over
 * `message`: e = SM3(Z || M), Z from the signer's distinguishing identifier and public key. Not node:crypto's
 * verify, which runs ECDSA on the SM2 curve and refuses genuine SM2 signatures.
 */
export function verifySm2(
  message: Uint8Array,
  signatureDer: Uint8Array,
  publicKeyHex: string,
  signerId = DEFAULT_SM2_SIGNER_ID,
): boolean {
  try {
    return sm2.doVerifySignature(message, Buffer.from(signatureDer).toString('hex'), precomputed(publicKeyHex), {
      der: true,
      hash: true,
      userId: signerId,
    });
  } catch {
    // A signature that is no DER SEQUENCE of two INTEGERs: not a valid signature.
    return false;
  }
}

// A point with its multiples precomputed verifies about four times faster; the issuers are few.
const POINTS = new Map<string, ReturnType<typeof sm2.precomputePublicKey>>();
const MAX_POINTS = 1_000;

function precomputed(publicKeyHex: string): ReturnType<typeof sm2.precomputePublicKey> {
  let point = POINTS.get(publicKeyHex);
  if (!point) {
    if (POINTS.size >= MAX_POINTS) POINTS.delete(POINTS.keys().next().value as string);
    point = sm2.precomputePublicKey(publicKeyHex);
    POINTS.set(publicKeyHex, point);
  }
  return point;
}

/** An SM2 signature (DER) over `message` with Z, for demo issuers and tests. */
export function signSm2(message: Uint8Array, privateKeyHex: string, signerId = DEFAULT_SM2_SIGNER_ID): Buffer {
  const hex = sm2.doSignature(message, privateKeyHex, { der: true, hash: true, userId: signerId });
  return Buffer.from(hex, 'hex');
}

/** SM3 of the bytes, hex (node:crypto's sm3 digest, from OpenSSL). */
export function sm3Hex(bytes: Uint8Array): string {
  return createHash('sm3').update(bytes).digest('hex');
}
