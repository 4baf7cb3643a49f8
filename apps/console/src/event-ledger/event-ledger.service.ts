import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { Kafka } from 'kafkajs';
import { EntityManager } from 'typeorm';
import { ProblemException } from '@hub/platform';
import { LedgerExport, LedgerStore, LedgerVerification, inclusionProof, leafHash, ledgerKeyId } from '@hub/ledger';
import { LedgerSettings } from '../console.env';
import { PartitionLag, groupLag } from '../operations/kafka-lag';
import { LedgerAppender } from './ledger-appender';

export interface LedgerStatus {
  size: number;
  keyId: string;
  publicKey: string;
  lastCheckpoint: { size: number; issuedAt: string } | null;
  /** Accepted events not yet in the ledger, from the broker; null when the broker did not answer. */
  behind: number | null;
  maxBehind: number;
  tooFarBehind: boolean;
  partitions: PartitionLag[];
}

/** The largest tree an inclusion proof is computed over at once (the leaves are read from PostgreSQL). */
const PROOF_MAX_SIZE = 2_000_000;

/** What the console's API and pages ask of the ledger: its status, a verification, an export, a proof. */
@Injectable()
export class EventLedgerService {
  private readonly store: LedgerStore;

  constructor(
    @InjectEntityManager() private readonly manager: EntityManager,
    private readonly kafka: Kafka,
    private readonly appender: LedgerAppender,
    private readonly settings: LedgerSettings,
  ) {
    const schema = String((manager.connection.options as { schema?: string }).schema ?? 'console');
    this.store = new LedgerStore((sql, params) => manager.query(sql, params), schema);
  }

  async status(): Promise<LedgerStatus> {
    const size = await this.store.size();
    const last = await this.store.anchorBefore(Number.MAX_SAFE_INTEGER);
    const partitions = await this.lag().catch(() => undefined);
    const behind = partitions?.reduce((sum, p) => sum + p.lag, 0) ?? null;
    return {
      size,
      keyId: ledgerKeyId(this.settings.publicKey),
      publicKey: this.settings.publicKey,
      lastCheckpoint: last ? { size: last.size, issuedAt: last.issuedAt } : null,
      behind,
      maxBehind: this.settings.maxBehind,
      tooFarBehind: behind !== null && behind > this.settings.maxBehind,
      partitions: partitions ?? [],
    };
  }

  async lag(): Promise<PartitionLag[]> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      return await groupLag(admin, this.appender.group, this.appender.topics);
    } finally {
      await admin.disconnect();
    }
  }

  /** Recomputes entries `from`..`to` (all by default), widened to the checkpoints around them. */
  verify(from = 1, to?: number): Promise<LedgerVerification> {
    return this.store.verify(this.settings.publicKey, from, to);
  }

  async export(from = 1, to?: number): Promise<LedgerExport> {
    return this.store.export(from, to ?? Number.MAX_SAFE_INTEGER, this.settings.publicKey);
  }

  /** The RFC 6962 audit path of entry `seq` in the tree of the latest checkpoint that holds it. */
  async proof(seq: number): Promise<{ seq: number; checkpoint: unknown; leafHash: string; path: string[] }> {
    const [checkpoint] = (await this.store.checkpoints(seq)).slice(-1);
    if (!checkpoint) throw new ProblemException(404, 'not-found', `no checkpoint covers entry ${seq} yet`);
    if (checkpoint.size > PROOF_MAX_SIZE)
      throw new ProblemException(
        422,
        'too-large',
        `the tree of ${checkpoint.size} entries is too large to prove in one go`,
      );
    const leaves: Buffer[] = [];
    for await (const entry of this.store.entries(1, checkpoint.size)) leaves.push(leafHash(entry));
    if (leaves.length !== checkpoint.size)
      throw new ProblemException(
        409,
        'ledger-incomplete',
        `the ledger holds ${leaves.length} of the checkpoint's ${checkpoint.size} entries`,
      );
    return {
      seq,
      checkpoint,
      leafHash: leaves[seq - 1].toString('hex'),
      path: inclusionProof(leaves, seq - 1).map((p) => p.toString('hex')),
    };
  }
}
