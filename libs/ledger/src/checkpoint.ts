import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

/** A signed tree head over the ledger's first `size` entries (RFC 6962 §3.5, with the chain's head beside the root). */
export interface LedgerCheckpoint {
  size: number;
  /** RFC 6962 root of the first `size` leaves, hex. */
  rootHash: string;
  /** The hash of entry `size`, hex. */
  chainHead: string;
  /** RFC 3339. */
  issuedAt: string;
  /** Which key signed it: the first 16 hex digits of the SHA-256 of its SPKI DER. */
  keyId: string;
  /** Ed25519 over {@link checkpointStatement}, base64. */
  signature: string;
  /**
   * The tree's right edge at `size` (hex, largest subtree first). Not signed: it is checked against the signed root,
   * and lets a verifier of a range that starts here go on appending without the leaves before it.
   */
  frontier: string[];
}

export type UnsignedCheckpoint = Omit<LedgerCheckpoint, 'signature' | 'keyId'>;

/** The exact bytes a checkpoint's signature covers. */
export function checkpointStatement(c: Omit<LedgerCheckpoint, 'signature' | 'frontier'>): Buffer {
  return Buffer.from(
    ['hub-ledger-checkpoint/v1', c.size, c.rootHash, c.chainHead, c.issuedAt, c.keyId].join('\n'),
    'utf8',
  );
}

export function ledgerKeyId(publicKey: string | KeyObject): string {
  const key = typeof publicKey === 'string' ? createPublicKey(publicKey) : publicKey;
  return createHash('sha256')
    .update(key.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);
}

/** Signs a tree head with the ledger's Ed25519 private key (PKCS#8 PEM). */
export function signCheckpoint(head: UnsignedCheckpoint, privateKeyPem: string): LedgerCheckpoint {
  const privateKey = createPrivateKey(privateKeyPem);
  const keyId = ledgerKeyId(createPublicKey(privateKey));
  const signature = sign(null, checkpointStatement({ ...head, keyId }), privateKey).toString('base64');
  return { ...head, keyId, signature };
}

/** Whether the checkpoint's signature is the ledger key's (SPKI PEM) over its statement. */
export function checkpointSignedBy(checkpoint: LedgerCheckpoint, publicKeyPem: string): boolean {
  const key = createPublicKey(publicKeyPem);
  if (checkpoint.keyId !== ledgerKeyId(key)) return false;
  try {
    return verify(null, checkpointStatement(checkpoint), key, Buffer.from(checkpoint.signature, 'base64'));
  } catch {
    return false;
  }
}
