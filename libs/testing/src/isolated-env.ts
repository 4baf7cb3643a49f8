import { randomBytes } from 'node:crypto';
import { HubEnv, loadEnv } from '@hub/config';
import { assertTestDatabase, databaseUrl, dropDatabase, ensureDatabase } from '@hub/infra';

export interface IsolatedEnv {
  env: HubEnv;
  /** Its own database and its own topic prefix: test files cannot see each other's data. */
  id: string;
  topicPrefix: string;
  databaseUrl: string;
  brokers: string[];
  /** Drops the database (topics stay; their prefix is never reused). */
  dispose(): Promise<void>;
}

/** Creates a fresh test database and topic prefix for one test file. */
export async function isolatedEnv(overrides: Record<string, string> = {}): Promise<IsolatedEnv> {
  const baseUrl = process.env.DATABASE_URL;
  const brokers = process.env.KAFKA_BROKERS;
  if (!baseUrl || !brokers)
    throw new Error('run through jest: the global setup provides DATABASE_URL and KAFKA_BROKERS');
  assertTestDatabase(baseUrl);
  const id = randomBytes(4).toString('hex');
  const name = `hub_test_${id}`;
  const adminUrl = databaseUrl(baseUrl, 'postgres');
  await ensureDatabase(adminUrl, name);
  const url = databaseUrl(baseUrl, name);
  assertTestDatabase(url);
  const topicPrefix = `t-${id}.`;
  const env = loadEnv(HubEnv, {
    KAFKA_BROKERS: brokers,
    DATABASE_URL: url,
    PORT: '0',
    KAFKA_TOPIC_PREFIX: topicPrefix,
    KAFKA_PARTITIONS: '2',
    LOG_LEVEL: 'warn',
    ...overrides,
  });
  return {
    env,
    id,
    topicPrefix,
    databaseUrl: url,
    brokers: brokers.split(','),
    dispose: () => dropDatabase(adminUrl, name),
  };
}
