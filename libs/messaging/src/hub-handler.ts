import { UseFilters, applyDecorators } from '@nestjs/common';
import { EventPattern } from '@nestjs/microservices';
import { PassThroughRpcFilter } from './pass-through-rpc.filter';

export interface HubHandlerOptions {
  /** Receive up to `maxBatchSize` consecutive events of the type as one array, applied in one transaction. */
  batch?: boolean;
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
    EventPattern(typeof type === 'string' ? type : [...type], { hub: 'event', batch: options.batch === true }),
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
