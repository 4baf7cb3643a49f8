import { randomBytes } from 'node:crypto';
import { SecretBox } from './secret-box';

describe('SecretBox', () => {
  const box = new SecretBox(randomBytes(32));

  it('opens what it sealed, and never stores the secret in clear', () => {
    const sealed = box.seal('hubsk_secret-value', 'AK01');
    expect(sealed.includes(Buffer.from('hubsk_secret-value'))).toBe(false);
    expect(box.open(sealed, 'AK01')).toBe('hubsk_secret-value');
  });

  it('seals the same secret differently each time (fresh IV)', () => {
    expect(box.seal('s', 'AK01').equals(box.seal('s', 'AK01'))).toBe(false);
  });

  it('refuses another key, another context, or altered bytes', () => {
    const sealed = box.seal('hubsk_secret-value', 'AK01');
    expect(() => new SecretBox(randomBytes(32)).open(sealed, 'AK01')).toThrow();
    expect(() => box.open(sealed, 'AK02')).toThrow();
    const altered = Buffer.from(sealed);
    altered[altered.length - 1] ^= 1;
    expect(() => box.open(altered, 'AK01')).toThrow();
    expect(() => box.open(Buffer.from([1, 2, 3]), 'AK01')).toThrow('not a sealed secret');
  });

  it('wants a 32-byte key', () => {
    expect(() => new SecretBox(randomBytes(16))).toThrow(RangeError);
  });
});
