/**
 * `hub verify-draw <record.json | url>`: recomputes an SSGK-DRAW-1 record (shared/spec/DRAW-PROTOCOL.md) — any JSON
 * object with the spec's field names, whoever made it — and prints each check. Exit 0: every check holds; 1: a check
 * fails (named); 3: the record could not be read (missing file, HTTP error, time-out, too large, not JSON).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { verifyDrawRecord, type DrawCheck } from '@hub/draw';

export const VERIFY_DRAW_DEFAULTS = { timeoutMs: 30_000, maxBytes: 512 * 2 ** 20 };

export interface VerifyDrawOptions {
  /** Where a relative file name starts. */
  cwd: string;
  out: (line: string) => void;
  err: (line: string) => void;
  timeoutMs?: number;
  maxBytes?: number;
}

/** The record could not be had: exit 3. */
class Unreadable extends Error {}

export async function verifyDrawCommand(source: string, options: VerifyDrawOptions): Promise<number> {
  let record: unknown;
  try {
    const text = /^https?:\/\//i.test(source)
      ? await download(source, options.timeoutMs ?? VERIFY_DRAW_DEFAULTS.timeoutMs, options.maxBytes)
      : await readLocal(path.resolve(options.cwd, source), options.maxBytes);
    record = parse(text, source);
  } catch (error) {
    if (!(error instanceof Unreadable)) throw error;
    options.err(`hub verify-draw: ${error.message}`);
    return 3;
  }
  const verification = verifyDrawRecord(record);
  for (const check of verification.checks) options.out(line(check));
  const failure = verification.firstFailure;
  if (!failure) {
    options.out(`通过 verified: every check holds (hash: ${verification.hash})`);
    return 0;
  }
  options.out(`未通过 failed: ${failure.label ?? ''} ${failure.name}: ${failure.detail ?? ''}`);
  return 1;
}

function line(check: DrawCheck): string {
  const mark = check.ok ? '✓' : '✗';
  return `${mark} ${check.label ?? ''} ${check.name}${check.ok ? '' : ` — ${check.detail ?? ''}`}`;
}

async function readLocal(file: string, maxBytes = VERIFY_DRAW_DEFAULTS.maxBytes): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new Unreadable(`cannot read ${file}: ${(error as Error).message}`);
  }
  if (bytes.length > maxBytes) throw new Unreadable(`${file} is larger than ${maxBytes} bytes`);
  return bytes.toString('utf8');
}

/** Fetches with a time-out over the whole exchange and a size limit counted as the body arrives. */
async function download(url: string, timeoutMs: number, maxBytes = VERIFY_DRAW_DEFAULTS.maxBytes): Promise<string> {
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const response = await fetch(url, { signal, headers: { accept: 'application/json' }, redirect: 'follow' });
    if (!response.ok) throw new Unreadable(`${url} answered HTTP ${response.status}`);
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (declared > maxBytes) throw new Unreadable(`${url} is larger than ${maxBytes} bytes (${declared})`);
    const chunks: Uint8Array[] = [];
    let size = 0;
    const reader = response.body?.getReader();
    for (let part = await reader?.read(); part && !part.done; part = await reader!.read()) {
      size += part.value.length;
      if (size > maxBytes) {
        await reader!.cancel();
        throw new Unreadable(`${url} is larger than ${maxBytes} bytes`);
      }
      chunks.push(part.value);
    }
    return Buffer.concat(chunks).toString('utf8');
  } catch (error) {
    if (error instanceof Unreadable) throw error;
    if (signal.aborted) throw new Unreadable(`${url} did not answer within ${timeoutMs} ms`);
    throw new Unreadable(`cannot fetch ${url}: ${(error as Error).message}`);
  }
}

function parse(text: string, source: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new Unreadable(`${source} is not JSON: ${(error as Error).message}`);
  }
}
