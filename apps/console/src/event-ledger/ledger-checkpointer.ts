import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { DataSource } from 'typeorm';
import { LedgerCheckpointedV1, createEvent } from '@hub/contracts';
import { MerkleFrontier, ledgerKeyId, signCheckpoint } from '@hub/ledger';
import { OutboxWriter } from '@hub/messaging';
import { PeriodicJob } from '@hub/platform';
import { CONSOLE_SOURCE } from '../dead-letters/dead-letter-notice';
import { LedgerSettings } from '../console.env';
import { LedgerRepository } from './ledger.repository';

/** How often it looks whether a checkpoint is due. */
const LOOK_EVERY_MS = 1_000;

/**
 * Signs the ledger's head once LEDGER_CHECKPOINT_ENTRIES entries came after the last checkpoint, or
 * LEDGER_CHECKPOINT_SECONDS passed with any: stores the checkpoint and publishes it (LedgerCheckpointedV1, through
 * the outbox, in the same transaction). Under the head's lock, so that replicas sign each head once.
 */
@Injectable()
export class LedgerCheckpointer extends PeriodicJob {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly repository: LedgerRepository,
    private readonly settings: LedgerSettings,
  ) {
    super(LOOK_EVERY_MS);
    const derived = ledgerKeyId(createPublicKey(createPrivateKey(settings.signingKey)));
    if (derived !== ledgerKeyId(settings.publicKey)) {
      throw new Error('LEDGER_PUBLIC_KEY is not the public key of LEDGER_SIGNING_KEY');
    }
  }

  protected async work(): Promise<void> {
    await this.checkpointIfDue();
  }

  /** The checkpoint's size if one was signed now. */
  async checkpointIfDue(now = new Date()): Promise<number | undefined> {
    return this.dataSource.transaction(async (manager) => {
      const head = await this.repository.lockHead(manager);
      const last = await this.repository.lastCheckpoint(manager);
      const fresh = head.size - (last?.size ?? 0);
      const age = last ? now.getTime() - Date.parse(last.issuedAt) : Infinity;
      if (fresh <= 0 || (fresh < this.settings.checkpointEntries && age < this.settings.checkpointSeconds * 1_000))
        return undefined;
      const frontier = MerkleFrontier.restore(head.size, head.frontier);
      const checkpoint = signCheckpoint(
        {
          size: head.size,
          rootHash: frontier.root().toString('hex'),
          chainHead: head.chainHead,
          issuedAt: now.toISOString(),
          frontier: head.frontier,
        },
        this.settings.signingKey,
      );
      const { frontier: _unsigned, ...payload } = checkpoint;
      const event = createEvent(LedgerCheckpointedV1, payload, { source: CONSOLE_SOURCE });
      await this.repository.addCheckpoint(manager, checkpoint, event.id);
      await this.outbox.enqueue(manager, [event]);
      return head.size;
    });
  }
}
