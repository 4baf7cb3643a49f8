import { Readable } from 'node:stream';
import iconv from 'iconv-lite';

export type CsvEncoding = 'utf-8' | 'gb18030';

const SNIFF_BYTES = 64 * 1024;
/** Excel in China saves "CSV" in the ANSI code page (GBK), of which GB18030 is the superset. */
const GB_NAMES = new Set(['gb18030', 'gbk', 'gb2312', 'cp936', 'x-gbk']);

/** The charset a Content-Type names, if it is one we read; a charset we do not read is an error. */
export function declaredEncoding(contentType: string | undefined): CsvEncoding | undefined {
  const charset = /;\s*charset="?([^";\s]+)"?/i.exec(contentType ?? '')?.[1]?.toLowerCase();
  if (charset === undefined) return undefined;
  if (charset === 'utf-8' || charset === 'utf8') return 'utf-8';
  if (GB_NAMES.has(charset)) return 'gb18030';
  throw new RangeError(`charset ${charset} is not read: send UTF-8 or GB18030 (GBK)`);
}

/** UTF-8 when the bytes are valid UTF-8 (a sequence cut off at the end is allowed: more may follow), else GB18030. */
export function sniffEncoding(head: Uint8Array): CsvEncoding {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

/**
 * The body as text: in the declared encoding, or in the one its first 64 KiB show. The rest is decoded as it comes,
 * never held whole; a BOM is dropped.
 */
export async function decodedText(
  body: Readable,
  declared: CsvEncoding | undefined,
): Promise<{ encoding: CsvEncoding; text: Readable }> {
  const iterator = body[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const head: Buffer[] = [];
  let size = 0;
  let done = false;
  while (declared === undefined && size < SNIFF_BYTES) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    head.push(next.value);
    size += next.value.length;
  }
  const encoding = declared ?? sniffEncoding(Buffer.concat(head));
  async function* bytes(): AsyncGenerator<Buffer> {
    yield* head;
    if (done) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  const text = Readable.from(bytes()).pipe(iconv.decodeStream(encoding, { stripBOM: true })) as unknown as Readable;
  return { encoding, text };
}
