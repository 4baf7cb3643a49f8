import 'reflect-metadata';
import { PATTERN_EXTRAS_METADATA, PATTERN_METADATA } from '@nestjs/microservices/constants';
import {
  APP_CONSUMES,
  DEAD_LETTER_TOPIC_PATTERN,
  EVERY_DEAD_LETTER_TOPIC,
  EVERY_INGRESS_TOPIC,
  INGRESS_TOPIC_PATTERN,
  eventTypeRegistry,
  type ConsumedTopics,
} from '@hub/contracts';
import type { HubAppDefinition } from '@hub/platform';
import { approvalApp } from '../apps/approval/src/approval.app';
import { consoleApp } from '../apps/console/src/console.app';
import { gatewayApp } from '../apps/gateway/src/gateway.app';
import { inspectionApp } from '../apps/inspection/src/inspection.app';
import { registryApp } from '../apps/registry/src/registry.app';
import { supervisionApp } from '../apps/supervision/src/supervision.app';
import { controllersOf } from './app-controllers';

const APPS: HubAppDefinition[] = [gatewayApp, approvalApp, supervisionApp, inspectionApp, registryApp, consoleApp];

/** What an app's Kafka handlers subscribe to, in the terms of APP_CONSUMES. */
function consumedBy(app: HubAppDefinition): Set<ConsumedTopics> {
  const consumed = new Set<ConsumedTopics>(app.consumesBeyondHandlers ?? []);
  for (const controller of controllersOf(app)) {
    const prototype = controller.prototype as Record<string, unknown>;
    for (const name of Object.getOwnPropertyNames(prototype)) {
      const method = prototype[name];
      if (typeof method !== 'function') continue;
      const patterns = Reflect.getMetadata(PATTERN_METADATA, method) as unknown[] | undefined;
      const extras = Reflect.getMetadata(PATTERN_EXTRAS_METADATA, method) as { hub?: string; topics?: RegExp };
      if (!patterns) continue;
      if (extras?.hub === 'raw') {
        const source = extras.topics?.source;
        if (source === INGRESS_TOPIC_PATTERN.source) consumed.add(EVERY_INGRESS_TOPIC);
        else if (source === DEAD_LETTER_TOPIC_PATTERN.source) consumed.add(EVERY_DEAD_LETTER_TOPIC);
        else throw new Error(`${app.name}: raw handler ${name} on /${source}/ has no APP_CONSUMES entry`);
        continue;
      }
      for (const type of patterns.flat() as string[]) consumed.add(eventTypeRegistry.get(type)!.topic);
    }
  }
  return consumed;
}

describe("every app's Kafka handlers against the contracts' APP_CONSUMES, from which the broker's ACLs derive", () => {
  it.each(APPS.map((app) => [app.name, app] as const))(
    '%s consumes exactly what APP_CONSUMES declares',
    (name, app) => {
      expect([...consumedBy(app)].sort()).toEqual([...APP_CONSUMES[name]].sort());
    },
  );
});
