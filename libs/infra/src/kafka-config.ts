import { randomBytes } from 'node:crypto';

export interface LocalKafkaConfig {
  readonly port: number;
  readonly controllerPort: number;
  readonly logDir: string;
  /** message.max.bytes: KAFKA_MAX_MESSAGE_BYTES, the limit the apps size their records and batches under. */
  readonly maxMessageBytes: number;
}

/** server.properties of the single-node KRaft broker that is also its own controller. */
export function renderServerProperties(config: LocalKafkaConfig): string {
  const { port, controllerPort, logDir, maxMessageBytes } = config;
  const properties: Array<[string, string | number | boolean]> = [
    ['process.roles', 'broker,controller'],
    ['node.id', 1],
    ['controller.quorum.voters', `1@127.0.0.1:${controllerPort}`],
    ['listeners', `PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controllerPort}`],
    ['advertised.listeners', `PLAINTEXT://127.0.0.1:${port}`],
    ['controller.listener.names', 'CONTROLLER'],
    ['inter.broker.listener.name', 'PLAINTEXT'],
    ['listener.security.protocol.map', 'PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT'],
    ['log.dirs', logDir],
    // One broker: every internal topic must settle for a single replica.
    ['offsets.topic.replication.factor', 1],
    ['transaction.state.log.replication.factor', 1],
    ['transaction.state.log.min.isr', 1],
    ['share.coordinator.state.topic.replication.factor', 1],
    ['share.coordinator.state.topic.min.isr', 1],
    // Consumers of a fresh group start at once instead of waiting 3 s for more members.
    ['group.initial.rebalance.delay.ms', 0],
    // Topics are declared by the contracts library and created explicitly; a typo must fail, not create a topic.
    ['auto.create.topics.enable', false],
    ['num.partitions', 3],
    ['message.max.bytes', maxMessageBytes],
    // One replica: after an interrupted shutdown it is no longer "clean", yet it is the only copy there is. Without
    // this, a partition whose broker was killed mid-shutdown would stay without a leader for good.
    ['unclean.leader.election.enable', true],
  ];
  return properties.map(([key, value]) => `${key}=${escapeValue(String(value))}`).join('\n') + '\n';
}

/**
 * A KRaft cluster id: a random UUID written as 22 characters of unpadded base64url. An id that begins with `-` is
 * drawn again, as Kafka's own generator does: the storage tool would read it as an option and refuse to format (one
 * draw in 64; it failed a CI run).
 */
export function newClusterId(random: (size: number) => Buffer = randomBytes): string {
  for (;;) {
    const id = random(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

// Java properties treat backslashes as escapes (Windows paths) and leading spaces as separators.
function escapeValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/^\s/, (space) => `\\${space}`);
}
