import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { nobleDrawHash } from './noble-hash';
import { nodeDrawHash } from './node-hash';

describe('the node:crypto draw hash', () => {
  it('computes HMAC-SHA256 as createHmac and @noble/hashes do, for any key and message, the key reused', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 100 }),
        fc.array(fc.uint8Array({ maxLength: 300 }), { minLength: 1, maxLength: 4 }),
        (key, messages) => {
          for (const message of messages) {
            const expected = createHmac('sha256', key).update(message).digest();
            // Copied at once: the node implementation reuses its output buffer.
            expect(Buffer.from(nodeDrawHash.hmacSha256(key, message))).toEqual(expected);
            expect(Buffer.from(nobleDrawHash.hmacSha256(key, message))).toEqual(expected);
          }
        },
      ),
    );
  });

  it('agrees with RFC 4231 test case 2', () => {
    const key = new TextEncoder().encode('Jefe');
    const data = new TextEncoder().encode('what do ya want for nothing?');
    expect(Buffer.from(nodeDrawHash.hmacSha256(key, data)).toString('hex')).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });
});
