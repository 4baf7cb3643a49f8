import { randomBytes } from 'node:crypto';
import type { KafkaSaslMechanism } from './kafka-credentials';

export interface LocalKafkaConfig {
  readonly port: number;
  readonly controllerPort: number;
  readonly logDir: string;
  /** message.max.bytes: KAFKA_MAX_MESSAGE_BYTES, the limit the apps size their records and batches under. */
  readonly maxMessageBytes: number;
  readonly auth: LocalKafkaAuth;
}

export interface LocalKafkaAuth {
  readonly mechanism: KafkaSaslMechanism;
  /** The super user (topics, ACLs), also the broker's own principal towards itself. */
  readonly admin: { readonly username: string; readonly password: string };
  /** The broker's principal towards its controller (the same process); known to the controller listener only. */
  readonly controller: { readonly username: string; readonly password: string };
  /** The users PLAIN also accepts (every principal, the administrator among them), with the same passwords. */
  readonly plainUsers: ReadonlyArray<{ readonly username: string; readonly password: string }>;
}

/**
 * server.properties of the single-node KRaft broker that is also its own controller. Clients authenticate with SCRAM
 * (the credentials live in the cluster's metadata); the controller listener, which must work before that metadata is
 * read, with PLAIN against a user named in this file. Every request is authorized: no ACL, no access.
 */
export function renderServerProperties(config: LocalKafkaConfig): string {
  const { port, controllerPort, logDir, maxMessageBytes, auth } = config;
  const mechanism = auth.mechanism.toUpperCase();
  const properties: Array<[string, string | number | boolean]> = [
    ['process.roles', 'broker,controller'],
    ['node.id', 1],
    ['controller.quorum.voters', `1@127.0.0.1:${controllerPort}`],
    ['listeners', `CLIENT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controllerPort}`],
    ['advertised.listeners', `CLIENT://127.0.0.1:${port}`],
    ['controller.listener.names', 'CONTROLLER'],
    ['inter.broker.listener.name', 'CLIENT'],
    ['listener.security.protocol.map', 'CLIENT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT'],
    // PLAIN, against the users named in this file, for two cases: the administrator adds the SCRAM users that storage
    // formatted earlier lacks (the controller quorum does not take that request directly), and clients on librdkafka
    // before 2.6.1 (kcat) fail SCRAM against Kafka 4 (librdkafka#4895) — they sign in as the same users with PLAIN.
    ['sasl.enabled.mechanisms', `${mechanism},PLAIN`],
    ['sasl.mechanism.inter.broker.protocol', mechanism],
    [
      `listener.name.client.${mechanism.toLowerCase()}.sasl.jaas.config`,
      jaas('org.apache.kafka.common.security.scram.ScramLoginModule', auth.admin),
    ],
    [
      'listener.name.client.plain.sasl.jaas.config',
      jaas(
        'org.apache.kafka.common.security.plain.PlainLoginModule',
        auth.admin,
        Object.fromEntries(auth.plainUsers.map((user) => [`user_${user.username}`, user.password])),
      ),
    ],
    ['sasl.mechanism.controller.protocol', 'PLAIN'],
    ['listener.name.controller.sasl.enabled.mechanisms', 'PLAIN'],
    [
      'listener.name.controller.plain.sasl.jaas.config',
      jaas('org.apache.kafka.common.security.plain.PlainLoginModule', auth.controller, {
        [`user_${auth.controller.username}`]: auth.controller.password,
      }),
    ],
    ['authorizer.class.name', 'org.apache.kafka.metadata.authorizer.StandardAuthorizer'],
    ['allow.everyone.if.no.acl.found', false],
    ['super.users', `User:${auth.admin.username};User:${auth.controller.username}`],
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

function jaas(
  module: string,
  user: { username: string; password: string },
  extra: Record<string, string> = {},
): string {
  const options = { username: user.username, password: user.password, ...extra };
  const quoted = Object.entries(options).map(([key, value]) => `${key}="${value.replace(/["\\]/g, '\\$&')}"`);
  return `${module} required ${quoted.join(' ')};`;
}

// Java properties treat backslashes as escapes (Windows paths) and leading spaces as separators.
function escapeValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/^\s/, (space) => `\\${space}`);
}
