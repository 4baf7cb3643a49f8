import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { decodedText, declaredEncoding, sniffEncoding } from './csv-encoding';

const read = async (stream: Readable): Promise<string> => {
  let text = '';
  for await (const chunk of stream) text += String(chunk);
  return text;
};

describe('CSV encodings', () => {
  const csv = '统一社会信用代码,名称\n91130871MA0CXQ123U,承德示例食品有限公司\n';

  it('reads GB18030 as Excel saves it, and UTF-8 with or without a BOM', async () => {
    for (const [bytes, expected] of [
      [iconv.encode(csv, 'gb18030'), 'gb18030'],
      [Buffer.from(csv, 'utf8'), 'utf-8'],
      [Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv, 'utf8')]), 'utf-8'],
    ] as const) {
      const { encoding, text } = await decodedText(Readable.from([bytes]), undefined);
      expect(encoding).toBe(expected);
      expect(await read(text)).toBe(csv);
    }
  });

  it('keeps a character cut between two chunks whole', async () => {
    const bytes = Buffer.from(csv, 'utf8');
    const { text } = await decodedText(Readable.from([bytes.subarray(0, 28), bytes.subarray(28)]), undefined);
    expect(await read(text)).toBe(csv);
    expect(sniffEncoding(bytes.subarray(0, 28))).toBe('utf-8');
  });

  it('believes a declared charset and refuses one it does not read', () => {
    expect(declaredEncoding('text/csv; charset=GBK')).toBe('gb18030');
    expect(declaredEncoding('text/csv;charset="utf-8"')).toBe('utf-8');
    expect(declaredEncoding('text/csv')).toBeUndefined();
    expect(() => declaredEncoding('text/csv; charset=big5')).toThrow(/big5 is not read/);
  });
});
