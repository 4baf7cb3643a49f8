import { CloudEvent } from '../cloudevents/cloud-event';
import { createEvent } from './create-event';
import { EventTypeDefinition } from './event-type.definition';
import { exampleDepartmentOf } from './owners';

// Fixed so that the catalogue (and the AsyncAPI document built from it) is the same on every call and every machine.
const EXAMPLE_TIME = '2026-11-27T08:00:00Z';

/** The example event of a type, as the gateway's catalogue and the AsyncAPI document show it. */
export function exampleEvent(definition: EventTypeDefinition): CloudEvent {
  const department = exampleDepartmentOf(definition.owner);
  return createEvent(definition, structuredClone(definition.example), {
    id: `example-${definition.name.aggregate}-${definition.name.verb}-1`,
    source: department ? `/departments/${department}/systems/example` : `/apps/${definition.owner}`,
    time: EXAMPLE_TIME,
    ...(department ? { department } : {}),
  });
}
