import { EventTypeRegistry } from '../registry/event-type.registry';
import { EnterpriseDeregisteredV1 } from './approval/enterprise-deregistered-v1/enterprise-deregistered-v1.event';
import { EnterpriseRegisteredV1 } from './approval/enterprise-registered-v1/enterprise-registered-v1.event';

/** Every event type the hub carries. Add a new one here after declaring it in its own folder. */
export const EVENT_TYPES = [EnterpriseRegisteredV1, EnterpriseDeregisteredV1] as const;

/** The registry of {@link EVENT_TYPES}; what the gateway and every consumer validate against. */
export const eventTypeRegistry = new EventTypeRegistry(EVENT_TYPES);
