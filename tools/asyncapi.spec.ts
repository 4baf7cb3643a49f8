import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { EVENT_TYPES, eventTypeRegistry } from '@hub/contracts';
import { asyncApiPath, renderAsyncApi } from './asyncapi';

type Doc = {
  asyncapi: string;
  channels: Record<string, { address: string; messages: Record<string, unknown> }>;
  components: { messages: Record<string, { name: string; payload: { schema: unknown }; 'x-owner': string }> };
};

describe('docs/asyncapi.yaml', () => {
  it('is what the generator makes from the contracts library (run `npm run asyncapi` after changing an event type)', () => {
    expect(readFileSync(asyncApiPath(), 'utf8')).toBe(renderAsyncApi());
  });

  it('describes every event type with its owner and payload schema, on its topic and the department topics', () => {
    const doc = parse(renderAsyncApi()) as Doc;
    expect(doc.asyncapi).toBe('3.0.0');
    const messages = Object.values(doc.components.messages);
    expect(messages.map((m) => m.name).sort()).toEqual(EVENT_TYPES.map((d) => d.type).sort());
    for (const definition of EVENT_TYPES) {
      const message = messages.find((m) => m.name === definition.type)!;
      expect(message['x-owner']).toBe(definition.owner);
      expect(message.payload.schema).toEqual(eventTypeRegistry.jsonSchema(definition.type));
      const onTopic = Object.values(doc.channels).find((c) => c.address === definition.topic);
      expect(Object.keys(onTopic?.messages ?? {})).toHaveLength(
        EVENT_TYPES.filter((d) => d.topic === definition.topic).length,
      );
    }
    expect(doc.channels['ingress']?.address).toBe('zone.ingress.{department}.v1');
    expect(doc.channels['egress']?.address).toBe('zone.egress.{department}.v1');
  });
});
