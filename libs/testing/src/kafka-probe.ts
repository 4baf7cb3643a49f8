import { randomBytes } from 'node:crypto';
import { Kafka, KafkaMessage, logLevel } from 'kafkajs';
import { ADMIN_ROLE, infraKafkaSasl } from '@hub/infra';

export interface ReadMessage {
  partition: number;
  message: KafkaMessage;
  headers: Record<string, string>;
  value: string;
}

/**
 * A client of the test broker as one principal: the administrator by default (topics, probes of any topic), or an
 * app or a department (`spj`) to act within its ACLs.
 */
export function testKafka(brokers: string[], role: string = ADMIN_ROLE): Kafka {
  return new Kafka({
    clientId: `test-${randomBytes(3).toString('hex')}`,
    brokers,
    sasl: infraKafkaSasl(role),
    logLevel: logLevel.NOTHING,
  });
}

/**
 * kcat's options to sign in as a role. PLAIN with the role's own user and password: the librdkafka of the kcat
 * packages (before 2.6.1) fails SCRAM against Kafka 4 (librdkafka#4895); the local broker accepts both.
 */
export function kcatAuth(role: string): string[] {
  const sasl = infraKafkaSasl(role);
  if (!sasl) return [];
  return [
    '-X',
    'security.protocol=SASL_PLAINTEXT',
    '-X',
    'sasl.mechanisms=PLAIN',
    '-X',
    `sasl.username=${sasl.username}`,
    '-X',
    `sasl.password=${sasl.password}`,
  ];
}

/**
 * Reads a topic from its start with a throwaway group until `until` holds for what was read (or the bound
 * passes, then returns what it has). Used to look at dead-letter and canonical topics as an outsider would.
 */
export async function readTopic(
  brokers: string[],
  topic: string,
  until: (messages: ReadMessage[]) => boolean,
  timeoutMs = 60_000,
): Promise<ReadMessage[]> {
  const consumer = testKafka(brokers).consumer({ groupId: `probe-${randomBytes(4).toString('hex')}` });
  const messages: ReadMessage[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      void consumer.run({
        eachMessage: async ({ partition, message }) => {
          const headers: Record<string, string> = {};
          for (const [k, v] of Object.entries(message.headers ?? {})) if (v !== undefined) headers[k] = String(v);
          messages.push({ partition, message, headers, value: message.value?.toString('utf8') ?? '' });
          if (until(messages)) {
            clearTimeout(timer);
            resolve();
          }
        },
      });
    });
  } finally {
    await consumer.disconnect();
  }
  return messages;
}
