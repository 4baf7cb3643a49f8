import { Controller, Inject } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { INGRESS_TOPIC_PATTERN, departmentOfIngressTopic } from '@hub/contracts';
import { EVENT_CATALOG, EventCatalog, HubContext, OnRawMessage, OutboxWriter, RawKafkaMessage, RejectedMessage } from '@hub/messaging';
import { ingressViolations } from './ingress-policy';

/**
 * Department systems that speak Kafka publish on their department's ingress topic (CloudEvents Kafka binding).
 * Each event is checked against its contract and the department's rights, then forwarded to its canonical topic
 * through the gateway's outbox; anything else is dead-lettered with the reason.
 */
@Controller()
export class IngressConsumer {
  constructor(
    @Inject(EVENT_CATALOG) private readonly catalog: EventCatalog,
    private readonly outbox: OutboxWriter,
  ) {}

  @OnRawMessage('ingress', { topics: INGRESS_TOPIC_PATTERN })
  async forward(@Payload() message: RawKafkaMessage, @Ctx() ctx: HubContext): Promise<void> {
    const decoded = this.catalog.decode({ key: message.key, value: message.value, headers: message.meta.headers });
    if (!decoded.ok) throw new RejectedMessage(decoded.errors);
    const department = departmentOfIngressTopic(message.meta.topic);
    const violations = ingressViolations(decoded.event, department, this.catalog.ownerOf(decoded.event.type));
    if (violations.length > 0) throw new RejectedMessage(violations);
    await this.outbox.enqueue(ctx.manager, [decoded.event]);
  }
}
