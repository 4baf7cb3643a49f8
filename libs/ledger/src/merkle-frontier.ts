import { createHash } from 'node:crypto';
import { nodeHash } from './ledger-hashes';

/** RFC 6962's hash of the empty tree: SHA-256 of nothing. */
export const EMPTY_ROOT = createHash('sha256').digest();

/**
 * The right edge of an RFC 6962 Merkle tree: the roots of its perfect subtrees, largest first (one per set bit of
 * its size). Enough to append a leaf and to compute the root, in O(log n) space, without the leaves before.
 */
export class MerkleFrontier {
  private constructor(
    private nodes: Buffer[],
    private count: number,
  ) {}

  static empty(): MerkleFrontier {
    return new MerkleFrontier([], 0);
  }

  /** A frontier as stored (hex, largest subtree first); throws if it cannot be one of a tree of that size. */
  static restore(size: number, hex: readonly string[]): MerkleFrontier {
    const bits = size.toString(2).replace(/0/g, '').length;
    if (size === 0 ? hex.length !== 0 : bits !== hex.length) {
      throw new RangeError(`a frontier of a tree of ${size} leaves has ${bits} nodes, not ${hex.length}`);
    }
    return new MerkleFrontier(
      hex.map((h) => Buffer.from(h, 'hex')),
      size,
    );
  }

  get size(): number {
    return this.count;
  }

  append(leaf: Buffer): void {
    let node = leaf;
    // Each trailing 1 bit of the size is a perfect subtree the new leaf's subtree merges with.
    for (let n = this.count; n % 2 === 1; n = Math.floor(n / 2)) node = nodeHash(this.nodes.pop()!, node);
    this.nodes.push(node);
    this.count++;
  }

  /** The tree's root (RFC 6962 MTH): the subtrees folded from the right. */
  root(): Buffer {
    if (this.nodes.length === 0) return EMPTY_ROOT;
    let root = this.nodes[this.nodes.length - 1];
    for (let i = this.nodes.length - 2; i >= 0; i--) root = nodeHash(this.nodes[i], root);
    return root;
  }

  toHex(): string[] {
    return this.nodes.map((n) => n.toString('hex'));
  }

  clone(): MerkleFrontier {
    return new MerkleFrontier([...this.nodes], this.count);
  }
}

/** RFC 6962 MTH of a list of leaf hashes. */
export function merkleRoot(leaves: readonly Buffer[]): Buffer {
  const frontier = MerkleFrontier.empty();
  for (const leaf of leaves) frontier.append(leaf);
  return frontier.root();
}

/** RFC 6962 §2.1.1 PATH(m, D[n]): the audit path of leaf `index` in the tree of `leaves`. */
export function inclusionProof(leaves: readonly Buffer[], index: number): Buffer[] {
  if (index < 0 || index >= leaves.length) throw new RangeError(`leaf ${index} is not in a tree of ${leaves.length}`);
  if (leaves.length === 1) return [];
  const k = largestPowerOfTwoBelow(leaves.length);
  return index < k
    ? [...inclusionProof(leaves.slice(0, k), index), merkleRoot(leaves.slice(k))]
    : [...inclusionProof(leaves.slice(k), index - k), merkleRoot(leaves.slice(0, k))];
}

/** RFC 9162 §2.1.3.2: whether `proof` shows the leaf at `index` in the tree of `size` leaves with this root. */
export function verifyInclusion(
  index: number,
  size: number,
  leaf: Buffer,
  proof: readonly Buffer[],
  root: Buffer,
): boolean {
  if (index < 0 || index >= size) return false;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && r.equals(root);
}

function largestPowerOfTwoBelow(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}
