import { hmac } from '@noble/hashes/hmac';
import { sha256 } from '@noble/hashes/sha256';
import type { DrawHash } from './draw-hash';

type Keyed = ReturnType<typeof hmac.create>;

/** The draw keys every block with the same seed: the keyed state is made once per key and cloned per block. */
const keyed = new WeakMap<Uint8Array, Keyed>();

/** Pure JavaScript: the browser verifier's fallback where WebCrypto is missing (a page over plain HTTP). */
export const nobleDrawHash: DrawHash = {
  name: '@noble/hashes',
  sha256: (data) => sha256(data),
  hmacSha256: (key, data) => {
    let base = keyed.get(key);
    if (!base) {
      base = hmac.create(sha256, key);
      keyed.set(key, base);
    }
    return base.clone().update(data).digest();
  },
};
