import { assertTestDatabase, ensureInfrastructure, Infrastructure } from '../../infra/src';

declare global {
  var __hubInfrastructure: Infrastructure | undefined;
}

/**
 * Starts (or reuses) Kafka and PostgreSQL for the integration and end-to-end tiers and hands their addresses to
 * the test workers through the environment. It refuses any database whose name does not say it is for tests.
 */
export default async function globalSetup(): Promise<void> {
  if (globalThis.__hubInfrastructure) return;
  // Tests that stop and start the broker need to know whether it is the project's own.
  process.env.HUB_TEST_KAFKA = process.env.KAFKA_BROKERS === undefined ? 'local' : 'external';
  const infrastructure = await ensureInfrastructure({ purpose: 'test' });
  assertTestDatabase(infrastructure.databaseUrl);
  globalThis.__hubInfrastructure = infrastructure;
  // Every principal's credentials (the local broker's own, or KAFKA_CREDENTIALS_FILE's), for the tests' clients.
  const credentials = infrastructure.kafkaCredentialsFile;
  if (credentials !== undefined) process.env.KAFKA_CREDENTIALS_FILE = credentials;
  process.env.KAFKA_BROKERS = infrastructure.brokers.join(',');
  process.env.DATABASE_URL = infrastructure.databaseUrl;
}
