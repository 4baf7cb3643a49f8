import { dockerAvailable, startContainers } from './containers';
import { readInfraEnv } from './infra-env';
import { ensureKafka, KafkaHandle } from './kafka';
import { ensureDatabase, ensurePostgres, PostgresHandle } from './postgres';
import {
  assertTestDatabase,
  databaseNameOf,
  databaseUrl,
  HUB_DATABASE,
  HUB_TEST_DATABASE,
  isTestDatabase,
} from './postgres-url';

export type InfrastructurePurpose = 'run' | 'test';

export interface Infrastructure {
  readonly brokers: string[];
  /** Every principal's Kafka credentials (KafkaHandle.credentialsFile); none for a broker without authentication. */
  readonly kafkaCredentialsFile?: string;
  /** The hub's database (created if missing): `hub` for runs, a test database for tests. */
  readonly databaseUrl: string;
  /** Stops only what this call started; shared, reused infrastructure keeps running. */
  stop(): Promise<void>;
}

/**
 * Kafka and PostgreSQL for a run or a test run. Tests with neither KAFKA_BROKERS nor DATABASE_URL use
 * testcontainers when a Docker engine answers; everything else uses ensureKafka() and ensurePostgres().
 */
export async function ensureInfrastructure({ purpose }: { purpose: InfrastructurePurpose }): Promise<Infrastructure> {
  const env = readInfraEnv();
  if (
    purpose === 'test' &&
    env.kafkaBrokers === undefined &&
    env.databaseUrl === undefined &&
    (await dockerAvailable(env))
  ) {
    const containers = await startContainers();
    assertTestDatabase(containers.databaseUrl);
    return containers;
  }

  const [kafka, postgres] = await Promise.allSettled([ensureKafka(), ensurePostgres()]);
  if (kafka.status === 'rejected' || postgres.status === 'rejected') {
    await Promise.allSettled(
      [kafka, postgres].map((result) => (result.status === 'fulfilled' ? result.value.stop() : undefined)),
    );
    const failure = kafka.status === 'rejected' ? kafka : (postgres as PromiseRejectedResult);
    throw failure.reason;
  }
  return withDatabase(purpose, env.databaseUrl, kafka.value, postgres.value);
}

/**
 * Runs use DATABASE_URL's database (default `hub`); tests use DATABASE_URL's database only when its name
 * marks it as a test database, else `hub_test` on the same server — never the database the hub runs on.
 */
export function databaseNameFor(purpose: InfrastructurePurpose, configuredUrl: string | undefined): string {
  const configured = configuredUrl === undefined ? '' : databaseNameOf(configuredUrl);
  switch (purpose) {
    case 'run':
      return configured || HUB_DATABASE;
    case 'test':
      return isTestDatabase(configured) ? configured : HUB_TEST_DATABASE;
  }
}

async function withDatabase(
  purpose: InfrastructurePurpose,
  configuredUrl: string | undefined,
  kafka: KafkaHandle,
  postgres: PostgresHandle,
): Promise<Infrastructure> {
  const stop = async (): Promise<void> => {
    await Promise.all([kafka.stop(), postgres.stop()]);
  };
  try {
    const name = databaseNameFor(purpose, configuredUrl);
    const url = databaseUrl(postgres.adminUrl, name);
    if (purpose === 'test') assertTestDatabase(url);
    await ensureDatabase(postgres.adminUrl, name);
    return { brokers: kafka.brokers, kafkaCredentialsFile: kafka.credentialsFile, databaseUrl: url, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
