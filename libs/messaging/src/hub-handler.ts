import { UseFilters, applyDecorators } from '@nestjs/common';
import { EventPattern } from '@nestjs/microservices';
import { EntityManager } from 'typeorm';
import { PassThroughRpcFilter } from './pass-through-rpc.filter';

export interface HubHandlerOptions {
  /** Receive up to `maxBatchSize` consecutive events of the type as one array, applied in one transaction. */
  batch?: boolean;
  /**
   * Which of its types the handler wants now, read from the database when a batch is fetched and the last reading
   * is older than `maxAgeMs` (timed from the start of that reading): messages of the other types are passed over by
   * their `ce_type` header, undecoded and unrecorded. For a handler that acts on a changing part of its types (the
   * gateway's delivery acts only on types some department is entitled to). A change takes effect for every message
   * fetched more than `maxAgeMs` after it committed.
   */
  wanted?: WantedTypes;
}

export interface WantedTypes {
  read(manager: EntityManager): Promise<ReadonlySet<string>>;
  maxAgeMs: number;
}

export interface RawHandlerOptions {
  /** Topics whose messages are delivered undecoded (no contract applies, e.g. dead-letter topics). */
  topics: RegExp;
}

/**
 * Marks a method as the handler of one event type, or of each of several; every event is validated against its
 * contract first.
 */
export function OnEvent(type: string | readonly string[], options: HubHandlerOptions = {}): MethodDecorator {
  return applyDecorators(
    EventPattern(typeof type === 'string' ? type : [...type], {
      hub: 'event',
      batch: options.batch === true,
      wanted: options.wanted,
    }),
    UseFilters(PassThroughRpcFilter),
  );
}

/** Marks a method as the handler of raw messages from the matching topics, in their Kafka form. */
export function OnRawMessage(name: string, options: RawHandlerOptions): MethodDecorator {
  return applyDecorators(
    EventPattern(`raw:${name}`, { hub: 'raw', topics: options.topics }),
    UseFilters(PassThroughRpcFilter),
  );
}
