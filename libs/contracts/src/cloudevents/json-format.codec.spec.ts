import { TextDecoder } from 'node:util';
import { decodeUtf8 } from './json-format.codec';

describe('decodeUtf8', () => {
  const fatal = new TextDecoder('utf-8', { fatal: true });
  const reference = (bytes: Uint8Array): string | undefined => {
    try {
      return fatal.decode(bytes);
    } catch {
      return undefined;
    }
  };

  it.each([
    ['ASCII', Buffer.from('zone.approval.licence.granted.v1')],
    ['Chinese', Buffer.from('经营场所符合食品安全条件')],
    ['a byte order mark first', Buffer.from('\ufeff{"a":1}')],
    ['a byte order mark later', Buffer.from('a\ufeffb')],
    ['nothing', Buffer.alloc(0)],
    ['a lone continuation byte', Buffer.from([0x61, 0x80])],
    ['an overlong encoding', Buffer.from([0xc0, 0xaf])],
    ['an encoded surrogate', Buffer.from([0xed, 0xa0, 0x80])],
    ['a cut sequence', Buffer.from([0xe4, 0xbd])],
    ['a slice of a larger buffer', Buffer.from('xx中文yy').subarray(2, 8)],
  ])('answers %s as a fatal TextDecoder does', (_, bytes) => {
    const decoded = decodeUtf8(bytes, 'value');
    expect(decoded.ok ? decoded.text : undefined).toEqual(reference(bytes));
    if (!decoded.ok) expect(decoded.error).toMatchObject({ field: 'value', rule: 'utf8' });
  });
});
