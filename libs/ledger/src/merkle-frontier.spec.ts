import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { nodeHash } from './ledger-hashes';
import { EMPTY_ROOT, MerkleFrontier, inclusionProof, merkleRoot, verifyInclusion } from './merkle-frontier';

const leaf = (i: number): Buffer => createHash('sha256').update(`leaf ${i}`).digest();

/** RFC 6962 §2.1 MTH, written as the RFC defines it (the split at the largest power of two below n). */
function referenceRoot(leaves: Buffer[]): Buffer {
  if (leaves.length === 0) return EMPTY_ROOT;
  if (leaves.length === 1) return leaves[0];
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return nodeHash(referenceRoot(leaves.slice(0, k)), referenceRoot(leaves.slice(k)));
}

describe('MerkleFrontier', () => {
  it("gives RFC 6962's root for every size up to 70, and survives being stored", () => {
    const leaves: Buffer[] = [];
    let frontier = MerkleFrontier.empty();
    expect(frontier.root()).toEqual(EMPTY_ROOT);
    for (let i = 0; i < 70; i++) {
      leaves.push(leaf(i));
      frontier.append(leaf(i));
      expect(frontier.root()).toEqual(referenceRoot(leaves));
      frontier = MerkleFrontier.restore(frontier.size, frontier.toHex());
    }
  });

  it('refuses a stored frontier of the wrong length for its size', () => {
    expect(() => MerkleFrontier.restore(3, ['00'.repeat(32)])).toThrow(/2 nodes, not 1/);
  });
});

describe('inclusion proofs', () => {
  it('prove every leaf of trees of 1 to 40 leaves, and nothing else', () => {
    for (let size = 1; size <= 40; size++) {
      const leaves = Array.from({ length: size }, (_, i) => leaf(i));
      const root = merkleRoot(leaves);
      for (let index = 0; index < size; index++) {
        const proof = inclusionProof(leaves, index);
        expect(verifyInclusion(index, size, leaves[index], proof, root)).toBe(true);
        expect(verifyInclusion(index, size, leaf(1000), proof, root)).toBe(false);
        if (size > 1) expect(verifyInclusion((index + 1) % size, size, leaves[index], proof, root)).toBe(false);
      }
    }
  });

  it('fail for any altered path', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 200 }), fc.nat(), fc.nat(), (size, i, j) => {
        const leaves = Array.from({ length: size }, (_, n) => leaf(n));
        const index = i % size;
        const proof = inclusionProof(leaves, index);
        const altered = proof.map((p, n) => (n === j % proof.length ? leaf(-1) : p));
        return !verifyInclusion(index, size, leaves[index], altered, merkleRoot(leaves));
      }),
    );
  });
});
