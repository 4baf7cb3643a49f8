/**
 * The default of KAFKA_MAX_MESSAGE_BYTES, as HubEnv's (libs/config; a test holds them equal). Written out here: this
 * file is read before the path aliases are (the test setup, `npm start`).
 */
export const KAFKA_DEFAULT_MAX_MESSAGE_BYTES = 1_048_588;

/** The environment variables that choose where the hub's infrastructure comes from; read in this file only. */
export interface InfraEnv {
  /** KAFKA_BROKERS: an existing cluster to use instead of starting one. */
  readonly kafkaBrokers?: string[];
  /**
   * KAFKA_CREDENTIALS_FILE: every principal's SASL credentials for an existing cluster (the shape of the local
   * broker's .hub/kafka/credentials.json); the administrator's are used to create topics and ACLs.
   */
  readonly kafkaCredentialsFile?: string;
  /** KAFKA_PORT: client port of the locally started broker (its controller listens on the next port). */
  readonly kafkaPort: number;
  /** KAFKA_MAX_MESSAGE_BYTES: the local broker's message.max.bytes, the same variable the apps read (HubEnv). */
  readonly kafkaMaxMessageBytes: number;
  /** DATABASE_URL: an existing PostgreSQL server (and, for runs, database) to use. */
  readonly databaseUrl?: string;
  /** DOCKER_HOST: a Docker engine other than the local socket, for testcontainers. */
  readonly dockerHost?: string;
  /** JAVA_HOME: the JDK that runs the local broker; `java` from PATH otherwise. */
  readonly javaHome?: string;
}

export function readInfraEnv(env: NodeJS.ProcessEnv = process.env): InfraEnv {
  const problems: string[] = [];

  const kafkaBrokers = nonEmpty(env.KAFKA_BROKERS)
    ?.split(',')
    .map((broker) => broker.trim())
    .filter((broker) => broker.length > 0);
  if (kafkaBrokers?.some((broker) => !/^[^\s:]+:\d{1,5}$/.test(broker))) {
    problems.push(`KAFKA_BROKERS must be host:port[,host:port…], got "${env.KAFKA_BROKERS}"`);
  }

  const kafkaPort = Number(nonEmpty(env.KAFKA_PORT) ?? '9092');
  // The controller listener takes kafkaPort + 1.
  if (!Number.isInteger(kafkaPort) || kafkaPort < 1 || kafkaPort > 65534) {
    problems.push(`KAFKA_PORT must be an integer between 1 and 65534, got "${env.KAFKA_PORT}"`);
  }

  const kafkaMaxMessageBytes = Number(nonEmpty(env.KAFKA_MAX_MESSAGE_BYTES) ?? KAFKA_DEFAULT_MAX_MESSAGE_BYTES);
  if (!Number.isInteger(kafkaMaxMessageBytes) || kafkaMaxMessageBytes < 65_536) {
    problems.push(`KAFKA_MAX_MESSAGE_BYTES must be an integer of at least 65536, got "${env.KAFKA_MAX_MESSAGE_BYTES}"`);
  }

  const databaseUrl = nonEmpty(env.DATABASE_URL);
  if (databaseUrl !== undefined && !isPostgresUrl(databaseUrl)) {
    problems.push('DATABASE_URL must be a postgres:// or postgresql:// URL');
  }

  if (problems.length > 0) {
    throw new Error(`Invalid infrastructure environment:\n  ${problems.join('\n  ')}`);
  }
  return {
    kafkaBrokers: kafkaBrokers && kafkaBrokers.length > 0 ? kafkaBrokers : undefined,
    kafkaCredentialsFile: nonEmpty(env.KAFKA_CREDENTIALS_FILE),
    kafkaPort,
    kafkaMaxMessageBytes,
    databaseUrl,
    dockerHost: nonEmpty(env.DOCKER_HOST),
    javaHome: nonEmpty(env.JAVA_HOME),
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function isPostgresUrl(value: string): boolean {
  try {
    return ['postgres:', 'postgresql:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}
