import type { IncomingMessage } from 'node:http';
import { TextDecoder } from 'node:util';
import type { Request } from 'express';
import { ProblemException } from '@hub/platform';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Where SignedRequestGuard leaves the body's exact bytes, which the signature covers. */
export type RequestWithRawBody = IncomingMessage & { rawBody?: Buffer };

export function hasBody(request: IncomingMessage): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/** The declared Content-Length, if any (Node has refused a malformed one already). */
export function declaredLength(request: IncomingMessage): number | undefined {
  const length = request.headers['content-length'];
  return length === undefined ? undefined : Number(length);
}

/**
 * The 413 for a body over `limit`. Sent before the body was read whole, so the connection closes after it: reading
 * the rest only to throw it away would let a client keep the gateway busy for nothing.
 */
export function payloadTooLarge(limit: number): ProblemException {
  return new ProblemException(
    413,
    'payload-too-large',
    `the body is larger than ${limit} bytes`,
    [{ field: 'body', rule: 'maxBytes', message: `the body must be at most ${limit} bytes` }],
    { Connection: 'close' },
  );
}

/**
 * Reads the whole body, or fails with 413 as soon as it passes the limit: by its Content-Length before reading
 * anything, else (chunked) counted as it arrives. A body that stops before its end is a 400.
 */
export function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = declaredLength(request);
  if (declared !== undefined && declared > limit) return Promise.reject(payloadTooLarge(limit));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) {
        cleanup();
        request.pause();
        reject(payloadTooLarge(limit));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => {
      cleanup();
      resolve(Buffer.concat(chunks, size));
    };
    const onCut = (): void => {
      cleanup();
      reject(
        new ProblemException(400, 'invalid-request', 'the body ended before its end', [
          { field: 'body', rule: 'complete', message: 'the connection closed before the whole body was received' },
        ]),
      );
    };
    const cleanup = (): void => {
      request.off('data', onData);
      request.off('end', onEnd);
      request.off('error', onCut);
      request.off('close', onCut);
    };
    request.on('data', onData);
    request.on('end', onEnd);
    request.on('error', onCut);
    request.on('close', onCut);
  });
}

/** A JSON body for `@Body()`, as Express's JSON parser would give it: `{}` when the body is empty or not JSON. */
export function jsonBody(request: Request, body: Buffer): unknown {
  const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (body.length === 0 || (type !== 'application/json' && !type.endsWith('+json'))) return {};
  try {
    return JSON.parse(utf8.decode(body));
  } catch (error) {
    throw new ProblemException(400, 'invalid-request', 'the body is not UTF-8 JSON', [
      { field: 'body', rule: 'json', message: `the body is not valid UTF-8 JSON: ${(error as Error).message}` },
    ]);
  }
}
