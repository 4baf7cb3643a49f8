import { DynamicModule, Global, Module } from '@nestjs/common';
import { HubProducer } from './hub-producer';
import { OutboxWriter } from './outbox.writer';
import { OutboxRelay } from './outbox.relay';
import { EventCatalog } from './event-catalog';

export const EVENT_CATALOG = Symbol('EVENT_CATALOG');

export interface MessagingParts {
  producer: HubProducer;
  outbox: OutboxWriter;
  relay: OutboxRelay;
  catalog: EventCatalog;
}

/** Makes the app's producer, outbox writer, relay and catalog injectable into its domain modules. */
@Global()
@Module({})
export class MessagingModule {
  static forApp(parts: MessagingParts): DynamicModule {
    return {
      module: MessagingModule,
      providers: [
        { provide: HubProducer, useValue: parts.producer },
        { provide: OutboxWriter, useValue: parts.outbox },
        { provide: OutboxRelay, useValue: parts.relay },
        { provide: EVENT_CATALOG, useValue: parts.catalog },
      ],
      exports: [HubProducer, OutboxWriter, OutboxRelay, EVENT_CATALOG],
    };
  }
}
