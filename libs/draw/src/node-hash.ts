import { createHash, createHmac } from 'node:crypto';
import type { DrawHash } from './draw-hash';

export const nodeDrawHash: DrawHash = {
  name: 'node:crypto',
  sha256: (data) => createHash('sha256').update(data).digest(),
  hmacSha256: (key, data) => createHmac('sha256', key).update(data).digest(),
};
