import type { HashComputation, HmacCall } from './draw-hash';
import { utf8Length, writeUtf8 } from './utf8';

const TWO_32 = 4294967296;

/**
 * The stream of one label (spec step 2): block c is HMAC-SHA256(seed, label ‖ 0x00 ‖ uint64_be(c)), eight
 * big-endian 32-bit words each, used in order. The message buffer is made once and its counter rewritten.
 */
export class LabelStream {
  private readonly call: HmacCall;
  private readonly counterAt: number;
  private counter = 0;
  private block: Uint8Array | undefined;
  private next = 8;

  constructor(seed: Uint8Array, label: string) {
    const length = utf8Length(label);
    const message = new Uint8Array(length + 9);
    writeUtf8(label, message, 0);
    this.counterAt = length + 1;
    this.call = { op: 'hmac', key: seed, data: message };
  }

  /**
   * Writes `k` Fisher–Yates positions for a list of `length` into `into` (spec steps 3 and 4): for j = 0…k−1,
   * j + uniform(length − j) by rejection sampling.
   */
  *swaps(length: number, k: number, into: Uint32Array): HashComputation<void> {
    for (let j = 0; j < k; j++) {
      const n = length - j;
      const limit = TWO_32 - (TWO_32 % n);
      let word: number;
      do {
        if (this.next === 8) this.accept(yield this.request());
        const block = this.block!;
        const at = this.next++ * 4;
        word = ((block[at]! << 24) | (block[at + 1]! << 16) | (block[at + 2]! << 8) | block[at + 3]!) >>> 0;
      } while (word >= limit);
      into[j] = j + (word % n);
    }
  }

  private request(): HmacCall {
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

  private accept(block: Uint8Array): void {
    this.block = block;
    this.next = 0;
  }
}
