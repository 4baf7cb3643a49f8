import { defineEventType } from '../../../registry/event-type.definition';
import { Topics } from '../../../registry/topics';
import { LedgerCheckpointedV1Payload } from './ledger-checkpointed-v1.payload';

/** `LedgerCheckpointedV1` names both the declaration (a value) and its payload (a type). */
export type LedgerCheckpointedV1 = LedgerCheckpointedV1Payload;
export const LedgerCheckpointedV1 = defineEventType({
  type: 'zone.console.ledger.checkpointed.v1',
  version: 1,
  owner: 'console',
  topic: Topics.ConsoleLedgerV1,
  payload: LedgerCheckpointedV1Payload,
  key: 'keyId',
  summary:
    "The event ledger's signed head: every event the hub accepted up to `size`, pinned by an RFC 6962 root and the hash chain's head. Keep them: `hub verify-ledger` holds an export to them.",
  example: {
    size: 120000,
    rootHash: '5f1c1d2b9a0e4c7a8b3d6e2f1a4c7b9e0d3f6a2c5b8e1d4f7a0c3b6e9d2f5a81',
    chainHead: '0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b',
    issuedAt: '2026-12-04T08:00:00.000Z',
    keyId: '3f2a1b0c9d8e7f6a',
    signature: 'q'.repeat(86) + '==',
  },
});
