import {
  CloudEvent,
  DEPARTMENTS,
  EventTypeRegistry,
  FieldError,
  egressTopic,
  eventTypeRegistry,
  fromKafkaMessage,
  peekEventType,
  personalValuesOf,
  ingressTopic,
  toKafkaMessage,
} from '@hub/contracts';
import { DecodeResult, EventCatalog, IncomingKafkaMessage } from './event-catalog';
import { KafkaRecord } from './kafka-record';

export interface ContractsCatalogOptions {
  /** Prepended to every topic (see HubEnv.KAFKA_TOPIC_PREFIX). */
  topicPrefix?: string;
  registry?: EventTypeRegistry;
}

/** The contracts library seen through what messaging needs of it. */
export function contractsCatalog(options: ContractsCatalogOptions = {}): EventCatalog {
  const prefix = options.topicPrefix ?? '';
  const registry = options.registry ?? eventTypeRegistry;
  const definitionOf = (type: string) => {
    const definition = registry.get(type);
    if (!definition) throw new Error(`${type} is not a registered event type`);
    return definition;
  };
  const topicOf = (type: string): string => prefix + definitionOf(type).topic;
  return {
    topicPrefix: prefix,
    topicOf,
    ownerOf: (type) => definitionOf(type).owner,
    topics: () => [
      ...new Set(registry.all().map((d) => prefix + d.topic)),
      ...DEPARTMENTS.map((d) => prefix + ingressTopic(d.code)),
      ...DEPARTMENTS.map((d) => prefix + egressTopic(d.code)),
    ],
    encode(event: CloudEvent): KafkaRecord {
      // The contract's key property decides, never the publisher: a partitionkey of its own would reorder one
      // enterprise's events (a revocation overtaking its grant). Checked events carry the same one anyway.
      const key = registry.keyOf(event) ?? event.partitionkey ?? event.subject;
      if (typeof key !== 'string' || key === '') {
        throw new Error(`event ${event.id} of ${event.type} has no key: set its subject or partitionkey`);
      }
      const message = toKafkaMessage({ ...event, partitionkey: key }, 'binary');
      return { topic: topicOf(event.type), key, value: message.value ?? Buffer.alloc(0), headers: message.headers };
    },
    decode(message: IncomingKafkaMessage): DecodeResult {
      return read(message, () => true, 'refuse') as DecodeResult;
    },
    decodeFor: (message, handles) => read(message, handles, 'accept'),
    redactionsOf(event: CloudEvent) {
      const definition = registry.get(event.type);
      return definition ? personalValuesOf(definition.payload, event.data) : [];
    },
  };

  function read(
    message: IncomingKafkaMessage,
    handles: (type: string) => boolean,
    unknownProperties: 'refuse' | 'accept',
  ): DecodeResult | { ok: 'ignored' } {
    const skipped = (type: unknown) => typeof type === 'string' && registry.get(type) !== undefined && !handles(type);
    if (skipped(peekEventType(message))) return { ok: 'ignored' };
    const decoded = fromKafkaMessage(message);
    if (!decoded.ok) return { ok: false, errors: [...decoded.errors] };
    if (skipped(decoded.event.type)) return { ok: 'ignored' };
    // Decoding checked the envelope already.
    const checked = registry.validate(decoded.event, { envelopeChecked: true, unknownProperties });
    if (!checked.ok) return { ok: false, errors: [...checked.errors] as FieldError[] };
    return { ok: true, event: decoded.event };
  }
}
