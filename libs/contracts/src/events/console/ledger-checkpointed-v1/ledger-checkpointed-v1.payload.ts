import { IsInt, IsString, Matches, Min } from 'class-validator';
import { IsRfc3339 } from '../../../validation/format.decorators';

/**
 * The console's event ledger signed its head: the RFC 6962 root over its first `size` entries and the hash chain's
 * head, with the hub's ledger key (Ed25519). Whoever keeps these outside the hub pins the ledger's history: a row
 * rewritten later no longer matches a checkpoint already published.
 */
export class LedgerCheckpointedV1Payload {
  @Min(1)
  @IsInt()
  size!: number;

  @Matches(/^[0-9a-f]{64}$/, { message: 'rootHash must be 64 lower-case hex digits (SHA-256)' })
  @IsString()
  rootHash!: string;

  @Matches(/^[0-9a-f]{64}$/, { message: 'chainHead must be 64 lower-case hex digits (SHA-256)' })
  @IsString()
  chainHead!: string;

  @IsRfc3339()
  @IsString()
  issuedAt!: string;

  /** The first 16 hex digits of the SHA-256 of the ledger key's SPKI DER. */
  @Matches(/^[0-9a-f]{16}$/, { message: 'keyId must be 16 lower-case hex digits' })
  @IsString()
  keyId!: string;

  /** Ed25519 over `hub-ledger-checkpoint/v1\n<size>\n<rootHash>\n<chainHead>\n<issuedAt>\n<keyId>`, base64. */
  @Matches(/^[A-Za-z0-9+/]{86}==$/, { message: 'signature must be a base64 Ed25519 signature' })
  @IsString()
  signature!: string;
}
