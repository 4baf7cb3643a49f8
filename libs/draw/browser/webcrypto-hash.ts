import type { AsyncDrawHash } from '../src/draw-hash';

/**
 * The browser's own SHA-256 and HMAC. WebCrypto exists only in a secure context (HTTPS or loopback); the verifier
 * falls back to @noble/hashes elsewhere. Every block of a draw is keyed by the same seed: imported once.
 */
export function webCryptoHash(subtle: SubtleCrypto): AsyncDrawHash {
  const keys = new WeakMap<Uint8Array, Promise<CryptoKey>>();
  const keyOf = (raw: Uint8Array): Promise<CryptoKey> => {
    let key = keys.get(raw);
    if (!key) {
      key = subtle.importKey('raw', raw as BufferSource, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
      keys.set(raw, key);
    }
    return key;
  };
  return {
    name: 'WebCrypto',
    sha256: async (data) => new Uint8Array(await subtle.digest('SHA-256', data as BufferSource)),
    // sign() copies `data` when called, so the computation may reuse its buffer for the next block.
    hmacSha256: async (key, data) => new Uint8Array(await subtle.sign('HMAC', await keyOf(key), data as BufferSource)),
  };
}
