import { CloudEvent, FieldError, Redaction } from '@hub/contracts';
import { KafkaRecord } from './kafka-record';

export interface IncomingKafkaMessage {
  key: Buffer | string | null;
  value: Buffer | null;
  headers?: Record<string, Buffer | string | (Buffer | string)[] | undefined>;
}

export type DecodeResult = { ok: true; event: CloudEvent } | { ok: false; errors: FieldError[] };

/** What messaging needs to know of the contracts: where a type goes, and how to encode and check a message. */
export interface EventCatalog {
  /**
   * Put before every topic name (HubEnv.KAFKA_TOPIC_PREFIX); a raw subscription by pattern only matches topics with
   * this prefix, so that hubs sharing a cluster never read each other's topics.
   */
  readonly topicPrefix: string;
  topicOf(type: string): string;
  /** The department code or app allowed to emit the type. */
  ownerOf(type: string): string;
  /** Every topic the hub uses, the departments' ingress and egress topics included (dead-letter topics are derived). */
  topics(): string[];
  /** Encodes in the Kafka binding's binary mode, keyed by the type's key property (`partitionkey` set to it); throws if unkeyed. */
  encode(event: CloudEvent): KafkaRecord;
  /**
   * Decodes either binding mode and validates the envelope and payload against the type's contract, strictly: a
   * payload property the contract does not declare is refused (the publishers' door, the gateway's ingress).
   */
  decode(message: IncomingKafkaMessage): DecodeResult;
  /**
   * `decode` for a reader that handles only some types: an event of a registered type it does not handle is not
   * validated but answered `ignored` (its contract matters to its own consumers, which check it). A consumer's reading:
   * a payload property its build does not know (added, optional, by a later build of the same version) is passed over,
   * not refused, so that a consumer deployed before its publisher does not dead-letter the publisher's new events.
   */
  decodeFor(message: IncomingKafkaMessage, handles: (type: string) => boolean): DecodeResult | { ok: 'ignored' };
  /** The personal values the event's data carries (its contract marks them), to keep out of logs and reasons. */
  redactionsOf(event: CloudEvent): Redaction[];
}
