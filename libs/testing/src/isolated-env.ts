import { randomBytes } from 'node:crypto';
import { HubEnv, loadEnv } from '@hub/config';
import {
  EdgeKeys,
  assertTestDatabase,
  databaseUrl,
  dropDatabase,
  ensureDatabase,
  kafkaCredentials,
  newEdgeKeys,
} from '@hub/infra';
import type { KafkaGrant } from '@hub/contracts';
import { applyKafkaAcls, removeKafkaAcls } from '@hub/platform';
import { testKafka } from './kafka-probe';

export interface IsolatedEnv {
  env: HubEnv;
  /** Its own database and its own topic prefix: test files cannot see each other's data. */
  id: string;
  topicPrefix: string;
  databaseUrl: string;
  brokers: string[];
  /** This file's own edge key pair (also in `env` and `edgeKeyVariables`): its gateway signs, its apps check. */
  edgeKeys: EdgeKeys;
  /** HUB_EDGE_SIGNING_KEY and HUB_EDGE_PUBLIC_KEY, for the env of app processes. */
  edgeKeyVariables: Record<'HUB_EDGE_SIGNING_KEY' | 'HUB_EDGE_PUBLIC_KEY', string>;
  /** Drops the database and deletes the topics (their prefix is never reused). */
  dispose(): Promise<void>;
}

export interface IsolatedEnvOptions {
  /**
   * ACLs beyond the hub's own, for this file's topics only: for a test whose stand-in app does what another
   * principal does in the hub (publishes a department's events through its own outbox, as the gateway would).
   */
  extraGrants?: readonly KafkaGrant[];
}

/** Creates a fresh test database and topic prefix for one test file. */
export async function isolatedEnv(
  overrides: Record<string, string> = {},
  options: IsolatedEnvOptions = {},
): Promise<IsolatedEnv> {
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
  // The hub's ACLs for this file's topics, so that every app and department acts as its own principal.
  const credentials = kafkaCredentials();
  const acls = credentials
    ? await applyKafkaAcls(brokers.split(','), credentials, topicPrefix, options.extraGrants)
    : [];
  const credentialsFile = process.env.KAFKA_CREDENTIALS_FILE;
  const edgeKeys = newEdgeKeys();
  const edgeKeyVariables = { HUB_EDGE_SIGNING_KEY: edgeKeys.privateKey, HUB_EDGE_PUBLIC_KEY: edgeKeys.publicKey };
  const env = loadEnv(HubEnv, {
    ...edgeKeyVariables,
    KAFKA_BROKERS: brokers,
    ...(credentialsFile ? { KAFKA_CREDENTIALS_FILE: credentialsFile } : {}),
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
    edgeKeys,
    edgeKeyVariables,
    dispose: async () => {
      await dropDatabase(adminUrl, name);
      await deleteTopics(brokers.split(','), topicPrefix);
      if (credentials && acls.length > 0) {
        await removeKafkaAcls(brokers.split(','), credentials, acls).catch(() => undefined);
      }
    },
  };
}

/**
 * Deletes the topics of a finished test file. Each file makes a hundred or more (every department's ingress and
 * egress topic, every dead-letter topic); left behind, they pile up until the local broker runs out of file handles.
 * Best effort: a broker that is down (a resilience test) keeps them.
 */
async function deleteTopics(brokers: string[], prefix: string): Promise<void> {
  const admin = testKafka(brokers).admin();
  try {
    await admin.connect();
    const topics = (await admin.listTopics()).filter((t) => t.startsWith(prefix));
    if (topics.length > 0) await admin.deleteTopics({ topics, timeout: 30_000 });
  } catch {
    // the topics stay; nothing else depends on them
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

/** The env of an app process (startAppProcess) on this file's database, topics and edge keys, plus `extra`. */
export function processEnv(iso: IsolatedEnv, extra: Record<string, string> = {}): Record<string, string> {
  return {
    KAFKA_BROKERS: iso.brokers.join(','),
    DATABASE_URL: iso.databaseUrl,
    KAFKA_TOPIC_PREFIX: iso.topicPrefix,
    KAFKA_PARTITIONS: '2',
    LOG_LEVEL: 'warn',
    ...iso.edgeKeyVariables,
    ...extra,
  };
}

/** A grant to write one topic (unprefixed name), for {@link IsolatedEnvOptions.extraGrants}. */
export function writeGrant(role: string, topic: string): KafkaGrant {
  return { role, resource: 'topic', name: topic, pattern: 'literal', operation: 'write' };
}
