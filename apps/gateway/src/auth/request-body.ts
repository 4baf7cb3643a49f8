import type { IncomingMessage } from 'node:http';
import { ProblemException } from '@hub/platform';

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
