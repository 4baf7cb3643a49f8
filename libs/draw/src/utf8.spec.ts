import fc from 'fast-check';
import { compareUtf8, isWellFormed, sortByteOrder, utf8 } from './utf8';

// Any code point, and strings made of the characters where UTF-16 order and byte order part (around U+E000–U+FFFF).
const edges = fc.constantFrom('A', 'é', '中', '\ud7ff', '\ue000', 'Ａ', '\uffff', '\u{10000}', '😀', '\u{10ffff}');
const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 8 }), fc.string({ unit: edges, maxLength: 4 }));
const sign = (n: number) => Math.sign(n);

describe('UTF-8 byte order', () => {
  it('encodes as node does', () => {
    fc.assert(fc.property(anyText, (s) => expect(Buffer.from(utf8(s))).toEqual(Buffer.from(s, 'utf8'))));
  });

  it('compares as the bytes compare, where UTF-16 order does not', () => {
    // U+FF21 (Ａ, 3 bytes EF BC A1) sorts before U+1F600 (😀, 4 bytes F0 9F 98 80); in UTF-16 it is the other way.
    expect(['😀', 'Ａ'].sort()).toEqual(['Ａ', '😀'].reverse());
    expect(sortByteOrder(['😀', 'Ａ', 'A'])).toEqual(['A', 'Ａ', '😀']);
    fc.assert(
      fc.property(anyText, anyText, (a, b) => {
        expect(sign(compareUtf8(a, b))).toBe(sign(Buffer.compare(Buffer.from(a), Buffer.from(b))));
      }),
    );
  });

  it('sorts any list in byte order', () => {
    fc.assert(
      fc.property(fc.array(anyText), (list) => {
        const expected = list.slice().sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
        expect(sortByteOrder(list.slice())).toEqual(expected);
      }),
    );
  });

  it('refuses lone surrogates, which have no UTF-8 form', () => {
    expect(isWellFormed('a\ud800')).toBe(false);
    expect(isWellFormed('\udc00b')).toBe(false);
    expect(isWellFormed('😀')).toBe(true);
  });
});
