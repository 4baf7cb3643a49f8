import { existsSync } from 'node:fs';
import { InfraEnv } from './infra-env';
import { HUB_TEST_DATABASE } from './postgres-url';

export interface ContainerInfrastructure {
  readonly brokers: string[];
  readonly databaseUrl: string;
  stop(): Promise<void>;
}

// @testcontainers/kafka 11 drives the Confluent image's start script, so apache/kafka cannot be used here;
// Confluent Platform 8.0 is Apache Kafka 4.0 in KRaft mode.
const KAFKA_IMAGE = 'confluentinc/cp-kafka:8.0.0';
const KAFKA_CLIENT_PORT = 9093;
const POSTGRES_IMAGE = 'postgres:16';

/** True when a Docker engine answers (testcontainers is loaded only then: it is a dev dependency). */
export async function dockerAvailable(env: InfraEnv): Promise<boolean> {
  if (env.dockerHost === undefined && !existsSync('/var/run/docker.sock')) return false;
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    await getContainerRuntimeClient();
    return true;
  } catch {
    return false;
  }
}

/** Kafka and PostgreSQL (with the test database) in throwaway containers. */
export async function startContainers(): Promise<ContainerInfrastructure> {
  const [{ KafkaContainer }, { PostgreSqlContainer }] = await Promise.all([
    import('@testcontainers/kafka'),
    import('@testcontainers/postgresql'),
  ]);
  const [kafka, postgres] = await Promise.allSettled([
    new KafkaContainer(KAFKA_IMAGE)
      .withEnvironment({ KAFKA_AUTO_CREATE_TOPICS_ENABLE: 'false', KAFKA_NUM_PARTITIONS: '3' })
      .start(),
    new PostgreSqlContainer(POSTGRES_IMAGE).withDatabase(HUB_TEST_DATABASE).start(),
  ]);
  if (kafka.status === 'rejected' || postgres.status === 'rejected') {
    await Promise.allSettled(
      [kafka, postgres].map((result) => (result.status === 'fulfilled' ? result.value.stop() : undefined)),
    );
    const failure = kafka.status === 'rejected' ? kafka : (postgres as PromiseRejectedResult);
    throw failure.reason;
  }
  const kafkaContainer = kafka.value;
  const postgresContainer = postgres.value;
  return {
    brokers: [`${kafkaContainer.getHost()}:${kafkaContainer.getMappedPort(KAFKA_CLIENT_PORT)}`],
    databaseUrl: postgresContainer.getConnectionUri(),
    stop: async () => {
      await Promise.all([kafkaContainer.stop(), postgresContainer.stop()]);
    },
  };
}
