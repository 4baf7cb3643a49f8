/**
 * The two primitives SSGK-DRAW-1 needs. The computation is written once (draw-computation.ts) as a generator that
 * yields each hash it needs; a synchronous implementation (node:crypto, @noble/hashes) or an asynchronous one
 * (WebCrypto) answers it.
 */
export interface DrawHash {
  readonly name: string;
  sha256(data: Uint8Array): Uint8Array;
  hmacSha256(key: Uint8Array, data: Uint8Array): Uint8Array;
}

export interface AsyncDrawHash {
  readonly name: string;
  sha256(data: Uint8Array): Promise<Uint8Array>;
  hmacSha256(key: Uint8Array, data: Uint8Array): Promise<Uint8Array>;
}

/**
 * What the computation asks for. `data` may be a buffer the computation reuses for its next call: an implementation
 * must have read it by the time it answers.
 */
export type HashCall = { readonly op: 'sha256'; readonly data: Uint8Array } | HmacCall;
export interface HmacCall {
  readonly op: 'hmac';
  readonly key: Uint8Array;
  readonly data: Uint8Array;
}

export type HashComputation<T> = Generator<HashCall, T, Uint8Array>;

export function runWith<T>(computation: HashComputation<T>, hash: DrawHash): T {
  let step = computation.next();
  while (!step.done) {
    const call = step.value;
    step = computation.next(call.op === 'hmac' ? hash.hmacSha256(call.key, call.data) : hash.sha256(call.data));
  }
  return step.value;
}

export async function runWithAsync<T>(computation: HashComputation<T>, hash: AsyncDrawHash): Promise<T> {
  let step = computation.next();
  while (!step.done) {
    const call = step.value;
    const answer = call.op === 'hmac' ? await hash.hmacSha256(call.key, call.data) : await hash.sha256(call.data);
    step = computation.next(answer);
  }
  return step.value;
}
