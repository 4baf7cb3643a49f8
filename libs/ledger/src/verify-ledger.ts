import { LedgerCheckpoint, checkpointSignedBy, ledgerKeyId } from './checkpoint';
import { GENESIS_HASH, LedgerEntry, chainHash, leafHash } from './ledger-hashes';
import { MerkleFrontier } from './merkle-frontier';

export type LedgerProblemKind =
  | 'entry-missing'
  | 'entry-changed'
  | 'entry-unlinked'
  | 'checkpoint-signature'
  | 'checkpoint-mismatch'
  | 'anchor-invalid';

/** One thing that does not match, naming the entry (seq) or the checkpoint (its size). */
export interface LedgerProblem {
  kind: LedgerProblemKind;
  seq?: number;
  checkpointSize?: number;
  message: string;
}

export interface LedgerVerification {
  ok: boolean;
  /** The first entry and the last one read. */
  from: number;
  to: number;
  entriesChecked: number;
  checkpointsChecked: number;
  /** The largest checkpoint the recomputed chain and tree match (0 when none). */
  verifiedUpTo: number;
  /** Entries after the last checkpoint: chained, not yet pinned by a signature. */
  unpinned: number;
  /** In the order found; problems[0] is the first entry or checkpoint that does not match. */
  problems: LedgerProblem[];
}

export interface VerifyInput extends VerifierOptions {
  /** In seq order, consecutive from `anchor.size + 1` unless rows are missing. */
  entries: Iterable<LedgerEntry>;
}

export interface VerifierOptions {
  /** Every checkpoint whose size falls in the range, any order. */
  checkpoints: readonly LedgerCheckpoint[];
  /** The ledger's public key (SPKI PEM), obtained apart from what is verified. */
  publicKey: string;
  /** The checkpoint the range starts after; none: the ledger's start. */
  anchor?: LedgerCheckpoint;
  /** The ledger's size as its head says (or the last checkpoint's): entries up to it must all be there. */
  expectedSize?: number;
}

/**
 * Recomputes the chain and the RFC 6962 tree over the entries and holds them to the signed checkpoints: names a
 * changed entry (its hash no longer matches its contents), a missing one (a gap in seq, or entries a checkpoint
 * counts that are not there), a rewritten stretch (the entries agree with each other but not with the checkpoint
 * signed over them), and a checkpoint signed with another key.
 */
export function verifyLedger(input: VerifyInput): LedgerVerification {
  const verifier = new LedgerVerifier(input);
  for (const entry of input.entries) verifier.add(entry);
  return verifier.finish();
}

/** {@link verifyLedger} an entry at a time, for a ledger read a page at a time. */
export class LedgerVerifier {
  private readonly problems: LedgerProblem[] = [];
  private readonly valid = new Map<number, LedgerCheckpoint>();
  private readonly checkpoints: LedgerCheckpoint[];
  private readonly start: number;
  private trueHead: string | undefined = GENESIS_HASH;
  private frontier: MerkleFrontier | undefined = MerkleFrontier.empty();
  private storedPrev: string | undefined;
  private expected: number;
  private checked = 0;
  private verifiedUpTo = 0;
  private lastSeq: number;

  constructor(private readonly options: VerifierOptions) {
    const keyId = ledgerKeyId(options.publicKey);
    this.checkpoints = [...options.checkpoints].sort((a, b) => a.size - b.size);
    for (const c of this.checkpoints) {
      if (checkpointSignedBy(c, options.publicKey)) {
        this.valid.set(c.size, c);
        continue;
      }
      this.problems.push({
        kind: 'checkpoint-signature',
        checkpointSize: c.size,
        message:
          c.keyId === keyId
            ? `checkpoint at entry ${c.size}: its signature does not verify with the ledger key ${keyId}`
            : `checkpoint at entry ${c.size}: signed with another key (${c.keyId}), not the ledger key ${keyId}`,
      });
    }
    this.start = options.anchor?.size ?? 0;
    if (options.anchor) {
      this.frontier = anchorFrontier(options.anchor, options.publicKey, this.problems);
      this.trueHead = this.frontier ? options.anchor.chainHead : undefined;
      if (this.frontier) this.verifiedUpTo = this.start;
    }
    this.storedPrev = this.trueHead;
    this.expected = this.start + 1;
    this.lastSeq = this.start;
  }

  add(entry: LedgerEntry): void {
    const { problems } = this;
    if (entry.seq > this.expected) {
      problems.push(missing(this.expected, entry.seq - 1));
      // Neither the chain nor the tree can be recomputed past a missing entry.
      this.trueHead = this.frontier = this.storedPrev = undefined;
    } else if (this.storedPrev !== undefined && entry.prevHash !== this.storedPrev) {
      problems.push({
        kind: 'entry-unlinked',
        seq: entry.seq,
        message: `entry ${entry.seq}: its previous hash is not entry ${entry.seq - 1}'s hash`,
      });
    }
    const leaf = leafHash(entry);
    if (chainHash(entry.prevHash, leaf) !== entry.hash) {
      problems.push({
        kind: 'entry-changed',
        seq: entry.seq,
        message: `entry ${entry.seq} (${entry.topic}/${entry.partition}@${entry.offset}): its contents do not match its hash`,
      });
    }
    this.frontier?.append(leaf);
    this.trueHead = this.trueHead === undefined ? undefined : chainHash(this.trueHead, leaf);
    this.storedPrev = entry.hash;
    const checkpoint = this.valid.get(entry.seq);
    if (checkpoint && this.trueHead !== undefined && this.frontier !== undefined) {
      // (Past a missing entry, already reported, a checkpoint cannot be held to what is here.)
      if (checkpoint.chainHead !== this.trueHead || this.frontier.root().toString('hex') !== checkpoint.rootHash) {
        problems.push({
          kind: 'checkpoint-mismatch',
          checkpointSize: checkpoint.size,
          seq: entry.seq,
          message: `checkpoint at entry ${checkpoint.size}: the entries after ${this.verifiedUpTo} up to it are not the ones it signed`,
        });
      } else if (problems.length === 0) {
        this.verifiedUpTo = checkpoint.size;
      }
    }
    this.expected = entry.seq + 1;
    this.lastSeq = entry.seq;
    this.checked++;
  }

  finish(): LedgerVerification {
    const { problems, checkpoints, lastSeq } = this;
    const lastCheckpoint = checkpoints.length > 0 ? checkpoints[checkpoints.length - 1].size : 0;
    const expectedSize = Math.max(this.options.expectedSize ?? 0, lastCheckpoint);
    if (expectedSize > lastSeq) problems.push(missing(lastSeq + 1, expectedSize));
    const pinned = Math.max(this.start, ...[...this.valid.keys()].filter((s) => s <= lastSeq));
    return {
      ok: problems.length === 0,
      from: this.start + 1,
      to: lastSeq,
      entriesChecked: this.checked,
      checkpointsChecked: checkpoints.length,
      verifiedUpTo: this.verifiedUpTo,
      unpinned: lastSeq - pinned,
      problems: [...problems],
    };
  }
}

function missing(from: number, to: number): LedgerProblem {
  return {
    kind: 'entry-missing',
    seq: from,
    message: from === to ? `entry ${from} is missing` : `entries ${from} to ${to} are missing`,
  };
}

/** The anchor's frontier, if the anchor is signed and its frontier folds to its root; else a problem, and none. */
function anchorFrontier(
  anchor: LedgerCheckpoint,
  publicKey: string,
  problems: LedgerProblem[],
): MerkleFrontier | undefined {
  const fail = (why: string): undefined => {
    problems.push({ kind: 'anchor-invalid', checkpointSize: anchor.size, message: `the range's anchor: ${why}` });
    return undefined;
  };
  if (!checkpointSignedBy(anchor, publicKey)) return fail(`checkpoint at entry ${anchor.size} is not the ledger key's`);
  let frontier: MerkleFrontier;
  try {
    frontier = MerkleFrontier.restore(anchor.size, anchor.frontier);
  } catch (error) {
    return fail((error as Error).message);
  }
  if (frontier.root().toString('hex') !== anchor.rootHash) return fail('its frontier does not make its signed root');
  return frontier;
}
