import { Controller, Inject } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import {
  CloudEvent,
  FieldError,
  INGRESS_TOPIC_PATTERN,
  RegistryRules,
  departmentOfIngressTopic,
  eventTypeRegistry,
} from '@hub/contracts';
import {
  EVENT_CATALOG,
  EventCatalog,
  HubContext,
  OnRawMessage,
  RawKafkaMessage,
  RejectedMessage,
} from '@hub/messaging';
import { RefusalsService } from '../auth/refusals.service';
import { IntakeService } from '../intake/intake.service';

/**
 * Department systems that speak Kafka publish on their department's ingress topic (CloudEvents Kafka binding).
 * Each event is checked against its contract, then admitted by the same rules as the HTTP intake (IntakeService:
 * the department's rights, CloudEvents identity) and forwarded to its canonical topic through the gateway's outbox;
 * anything else is dead-lettered with the reason, and counted as a refusal of the department. The record's key must be
 * the event's contract key (`uscc` for enterprise events): records of one enterprise under other keys would spread over
 * the ingress partitions and could overtake each other before they reach the canonical topic.
 */
@Controller()
export class IngressConsumer {
  constructor(
    @Inject(EVENT_CATALOG) private readonly catalog: EventCatalog,
    private readonly intake: IntakeService,
    private readonly refusals: RefusalsService,
  ) {}

  @OnRawMessage('ingress', { topics: INGRESS_TOPIC_PATTERN })
  async forward(@Payload() message: RawKafkaMessage, @Ctx() ctx: HubContext): Promise<void> {
    const department = departmentOfIngressTopic(message.meta.topic);
    const decoded = this.catalog.decode({ key: message.key, value: message.value, headers: message.meta.headers });
    if (!decoded.ok) {
      this.refusals.refused({ channel: 'kafka', department, problem: 'invalid-event', errors: decoded.errors });
      throw new RejectedMessage(decoded.errors);
    }
    const keyErrors = recordKeyErrors(message.key, decoded.event);
    if (keyErrors.length > 0) {
      this.refusals.refused({ channel: 'kafka', department, problem: 'invalid-event', errors: keyErrors });
      throw new RejectedMessage(keyErrors);
    }
    const publisher = { department, channel: 'kafka', accessKeyId: null } as const;
    const outcomes = await this.intake.admit(ctx.manager, publisher, [decoded.event]);
    const [outcome] = outcomes;
    if (outcome.status !== 202) throw new RejectedMessage(outcome.problem.errors);
    this.intake.countAccepted(publisher, outcomes);
  }
}

function recordKeyErrors(key: string | null, event: CloudEvent): FieldError[] {
  const expected = eventTypeRegistry.keyOf(event);
  if (expected === undefined || key === expected) return [];
  const property = eventTypeRegistry.get(event.type)?.key ?? 'key';
  return [
    {
      field: 'key',
      rule: RegistryRules.partitionKey,
      message: `the record key must be data.${property} (${expected}): one key's events keep their order only on one partition`,
    },
  ];
}
