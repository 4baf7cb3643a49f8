import { Kafka, Partitioners, logLevel } from 'kafkajs';
import { ingressTopic, toKafkaMessage } from '@hub/contracts';
import { demoEnterprises, enterpriseRegisteredEvent } from '@hub/demo';

export const DEMO_ENTERPRISES = 200;

/**
 * Publishes the demo zone's enterprises as the 审批局's registration system would: CloudEvents on its department's
 * ingress topic, which the gateway checks and forwards. Event ids are fixed, so seeding again adds nothing.
 */
export async function seedDemoZone(brokers: string[]): Promise<string> {
  const producer = new Kafka({ clientId: 'hub-seed', brokers, logLevel: logLevel.WARN }).producer({
    idempotent: true,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await producer.connect();
  try {
    const messages = demoEnterprises(DEMO_ENTERPRISES).map((e) => toKafkaMessage(enterpriseRegisteredEvent(e), 'binary'));
    await producer.send({ topic: ingressTopic('SPJ'), acks: -1, messages });
  } finally {
    await producer.disconnect();
  }
  return `${DEMO_ENTERPRISES} enterprises registered through ${ingressTopic('SPJ')}; the zone's departments are in libs/contracts`;
}
