import type { IncomingMessage } from 'node:http';
import { ProblemException } from '@hub/platform';

/** The raw body bytes, where Nest's JSON parser (rawBody: true) or the intake's reader left them. */
export type RequestWithRawBody = IncomingMessage & { rawBody?: Buffer };

/**
 * The request's exact body bytes, read from the stream if no parser has: the signature covers them. Refuses more
 * than `limit` bytes with 413 without reading further.
 */
export async function rawBodyOf(request: RequestWithRawBody, limit: number): Promise<Buffer> {
  if (Buffer.isBuffer(request.rawBody)) return request.rawBody;
  if (!hasBody(request) || request.readableEnded) return Buffer.alloc(0);
  request.rawBody = await readBody(request, limit);
  return request.rawBody;
}

export function hasBody(request: IncomingMessage): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

export function payloadTooLarge(limit: number): ProblemException {
  return new ProblemException(413, 'payload-too-large', `the body is larger than ${limit} bytes`, [
    { field: 'body', rule: 'maxBytes', message: `the body must be at most ${limit} bytes` },
  ]);
}

/** Reads the whole body, or fails with 413 as soon as it passes the limit (the declared length is checked first). */
export function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    request.resume(); // drain, so that the connection can answer
    return Promise.reject(payloadTooLarge(limit));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) {
        cleanup();
        request.resume();
        reject(payloadTooLarge(limit));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => {
      cleanup();
      resolve(Buffer.concat(chunks, size));
    };
    const onError = (error: Error): void => {
      cleanup();
      reject(error);
    };
    const cleanup = (): void => {
      request.off('data', onData);
      request.off('end', onEnd);
      request.off('error', onError);
    };
    request.on('data', onData);
    request.on('end', onEnd);
    request.on('error', onError);
  });
}
