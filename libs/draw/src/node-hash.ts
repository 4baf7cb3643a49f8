import { createHash, createHmac, hash } from 'node:crypto';
import type { DrawHash } from './draw-hash';

const BLOCK = 64;

/**
 * A draw keys every HMAC with the same 32-byte seed and hashes ~50-byte messages, half a million of them for a
 * million candidates. An Hmac object and two off-heap Buffers per block cost more than the hashing (the garbage
 * collector's, mostly), so HMAC (RFC 2104) is two one-shot SHA-256 calls over pads made once per key, their
 * digests taken as hex strings (on the JS heap) and written into buffers that are reused. A unit spec holds it to
 * createHmac and to @noble/hashes.
 */
class Pads {
  private readonly inner = Buffer.alloc(BLOCK + 128);
  private readonly outer = Buffer.alloc(BLOCK + 32);
  private readonly out = Buffer.alloc(32);
  /** inner's views by message length: a plan's labels are of a few lengths. */
  private readonly views: Buffer[] = [];

  constructor(key: Uint8Array) {
    const k = key.length > BLOCK ? createHash('sha256').update(key).digest() : key;
    for (let i = 0; i < BLOCK; i++) {
      this.inner[i] = (k[i] ?? 0) ^ 0x36;
      this.outer[i] = (k[i] ?? 0) ^ 0x5c;
    }
  }

  /** The MAC in a buffer that the next call overwrites (DrawHash allows it). */
  mac(data: Uint8Array): Buffer {
    if (data.length > this.inner.length - BLOCK) return this.long(data);
    this.inner.set(data, BLOCK);
    const view = (this.views[data.length] ??= this.inner.subarray(0, BLOCK + data.length));
    this.outer.write(hash('sha256', view, 'hex'), BLOCK, 'hex');
    this.out.write(hash('sha256', this.outer, 'hex'), 0, 'hex');
    return this.out;
  }

  private long(data: Uint8Array): Buffer {
    const inner = createHash('sha256').update(this.inner.subarray(0, BLOCK)).update(data).digest();
    return createHash('sha256').update(this.outer.subarray(0, BLOCK)).update(inner).digest();
  }
}

const padsOf = new WeakMap<Uint8Array, Pads>();

export const nodeDrawHash: DrawHash = {
  name: 'node:crypto',
  sha256: (data) => createHash('sha256').update(data).digest(),
  hmacSha256: (key, data) => {
    // Node before 20.12 has no one-shot hash().
    if (typeof hash !== 'function') return createHmac('sha256', key).update(data).digest();
    let pads = padsOf.get(key);
    if (!pads) {
      pads = new Pads(key);
      padsOf.set(key, pads);
    }
    return pads.mac(data);
  },
};
