import type { HmacCall } from './draw-hash';
import { utf8Length, writeUtf8 } from './utf8';

const TWO_32 = 4294967296;

/**
 * The stream of a label (spec step 2): block c is HMAC-SHA256(seed, label ‖ 0x00 ‖ uint64_be(c)), eight big-endian
 * 32-bit words each, used in order. One stream object serves label after label (`reset`), so that a draw of a
 * million targets does not allocate one per team.
 *
 * The caller drives it: `uniform(n)` answers −1 when the block ran out; the caller then hashes `request()` and hands
 * the block to `accept`, and asks again. (A draw is a generator that yields each hash it needs.)
 */
export class LabelStream {
  private readonly call: { op: 'hmac'; key: Uint8Array; data: Uint8Array };
  private counterAt = 0;
  private counter = 0;
  private block: Uint8Array | undefined;
  private next = 8;

  constructor(seed: Uint8Array) {
    this.call = { op: 'hmac', key: seed, data: new Uint8Array(0) };
  }

  /** Message buffers by length, reused: the team labels of one plan are mostly of one length. */
  private readonly buffers: Uint8Array[] = [];

  reset(label: string): this {
    const length = utf8Length(label);
    const message = (this.buffers[length] ??= new Uint8Array(length + 9));
    writeUtf8(label, message, 0);
    this.call.data = message;
    this.counterAt = length + 1;
    this.counter = 0;
    this.next = 8;
    return this;
  }

  /** Spec step 3: a uniform integer in [0, n) by rejection sampling; −1 when a block is needed first. */
  uniform(n: number): number {
    const limit = TWO_32 - (TWO_32 % n);
    while (this.next < 8) {
      const block = this.block!;
      const at = this.next++ * 4;
      const word = ((block[at]! << 24) | (block[at + 1]! << 16) | (block[at + 2]! << 8) | block[at + 3]!) >>> 0;
      if (word < limit) return word % n;
    }
    return -1;
  }

  request(): HmacCall {
    const data = this.call.data;
    const high = Math.floor(this.counter / TWO_32);
    const low = this.counter % TWO_32;
    const at = this.counterAt;
    data[at] = high >>> 24;
    data[at + 1] = (high >>> 16) & 0xff;
    data[at + 2] = (high >>> 8) & 0xff;
    data[at + 3] = high & 0xff;
    data[at + 4] = low >>> 24;
    data[at + 5] = (low >>> 16) & 0xff;
    data[at + 6] = (low >>> 8) & 0xff;
    data[at + 7] = low & 0xff;
    this.counter++;
    return this.call;
  }

  accept(block: Uint8Array): void {
    this.block = block;
    this.next = 0;
  }
}
