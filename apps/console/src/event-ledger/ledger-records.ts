import type { KafkaMessage } from 'kafkajs';
import { GENESIS_HASH, MerkleFrontier, leafHash, sealEntry, sha256Hex } from '@hub/ledger';
import type { AppendedEntry, LedgerHead } from './ledger.repository';

/** The ledger's entries for a partition's messages, sealed onto the head in their order; the new head. */
export function sealMessages(
  topic: string,
  partition: number,
  messages: readonly KafkaMessage[],
  head: LedgerHead,
): { entries: AppendedEntry[]; head: LedgerHead } {
  const frontier = MerkleFrontier.restore(head.size, head.frontier);
  let prev = head.size === 0 ? GENESIS_HASH : head.chainHead;
  let seq = head.size;
  const entries = messages.map((message): AppendedEntry => {
    const { id, type } = identityOf(message);
    const entry = sealEntry(
      {
        seq: ++seq,
        topic,
        partition,
        offset: message.offset,
        eventId: id,
        eventType: type,
        valueSha256: sha256Hex(message.value ?? Buffer.alloc(0)),
      },
      prev,
    );
    frontier.append(leafHash(entry));
    prev = entry.hash;
    return { ...entry, kafkaTimestamp: message.timestamp };
  });
  return { entries, head: { size: seq, chainHead: prev, frontier: frontier.toHex() } };
}

/**
 * The CloudEvents id and type: from the binary mode's `ce_id`/`ce_type` headers, else from the structured mode's
 * JSON; null when the record is neither (the ledger records what Kafka holds, readable or not).
 */
export function identityOf(message: KafkaMessage): { id: string | null; type: string | null } {
  const header = (name: string): string | undefined => {
    const value = message.headers?.[name];
    const first = Array.isArray(value) ? value[0] : value;
    return first === undefined ? undefined : first.toString();
  };
  const id = header('ce_id');
  if (id !== undefined) return { id, type: header('ce_type') ?? null };
  try {
    const event = JSON.parse((message.value ?? Buffer.alloc(0)).toString('utf8')) as { id?: unknown; type?: unknown };
    return {
      id: typeof event.id === 'string' ? event.id : null,
      type: typeof event.type === 'string' ? event.type : null,
    };
  } catch {
    return { id: null, type: null };
  }
}
