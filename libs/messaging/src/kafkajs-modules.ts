import { createRequire } from 'node:module';

/**
 * kafkajs' internal modules, for the hub's record encoder and decoder that take the place of two of them. kafkajs
 * 2.2.4 is its last release, so these paths are fixed.
 */
const fromKafkajs = createRequire(require.resolve('kafkajs'));

export function kafkajsModule<T>(path: string): T {
  return fromKafkajs(path) as T;
}

/** A kafkajs module evaluated afresh, as kafkajs wrote it, whether or not it was replaced. */
export function originalKafkajsModule<T>(path: string): T {
  const resolved = fromKafkajs.resolve(path);
  const cached = fromKafkajs.cache[resolved];
  delete fromKafkajs.cache[resolved];
  try {
    return fromKafkajs(path) as T;
  } finally {
    if (cached) fromKafkajs.cache[resolved] = cached;
  }
}

/**
 * Makes `path` export `replacement` to the kafkajs modules loaded from now on. `usedBy` is the module that takes
 * `path` when it loads: if it is loaded already, it keeps kafkajs' own, and this returns false.
 */
export function replaceKafkajsModule(path: string, replacement: unknown, usedBy: string): boolean {
  if (fromKafkajs.cache[fromKafkajs.resolve(usedBy)]) return false;
  fromKafkajs(path); // so that its cache entry exists
  fromKafkajs.cache[fromKafkajs.resolve(path)]!.exports = replacement;
  return true;
}
