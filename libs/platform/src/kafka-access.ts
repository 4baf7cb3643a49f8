import {
  AclOperationTypes,
  AclPermissionTypes,
  AclResourceTypes,
  Admin,
  Kafka,
  KafkaConfig,
  logLevel,
  ResourcePatternTypes,
  type AclEntry,
  type SASLOptions,
} from 'kafkajs';
import { HubEnv } from '@hub/config';
import { kafkaGrants, type KafkaGrant, type KafkaOperation } from '@hub/contracts';
import { ADMIN_ROLE, KafkaCredentials, readKafkaCredentials, saslOf } from '@hub/infra';

/**
 * The SASL option of this process's Kafka principal: KAFKA_SASL_USERNAME/PASSWORD when set, else the entry of
 * `role` (the app's name) in KAFKA_CREDENTIALS_FILE; none when neither is configured.
 */
export function kafkaSaslOf(env: HubEnv, role: string): SASLOptions | undefined {
  if (env.KAFKA_SASL_USERNAME !== undefined && env.KAFKA_SASL_PASSWORD !== undefined) {
    return {
      mechanism: env.KAFKA_SASL_MECHANISM,
      username: env.KAFKA_SASL_USERNAME,
      password: env.KAFKA_SASL_PASSWORD,
    };
  }
  if (env.KAFKA_CREDENTIALS_FILE === undefined) return undefined;
  return saslOf(readKafkaCredentials(env.KAFKA_CREDENTIALS_FILE), role);
}

/** A kafkajs client for one principal of the env's cluster. */
export function hubKafka(env: HubEnv, role: string, config: Omit<KafkaConfig, 'brokers' | 'sasl'>): Kafka {
  return new Kafka({ ...config, brokers: env.brokers, sasl: kafkaSaslOf(env, role) });
}

const OPERATIONS: Record<KafkaOperation, AclOperationTypes> = {
  read: AclOperationTypes.READ,
  write: AclOperationTypes.WRITE,
  create: AclOperationTypes.CREATE,
  describe: AclOperationTypes.DESCRIBE,
};

/** The grants as kafkajs ACL entries, each role named by its user in `credentials`. */
export function aclEntries(grants: readonly KafkaGrant[], credentials: KafkaCredentials): AclEntry[] {
  return grants.map((grant) => ({
    resourceType: grant.resource === 'topic' ? AclResourceTypes.TOPIC : AclResourceTypes.GROUP,
    resourceName: grant.name,
    resourcePatternType: grant.pattern === 'literal' ? ResourcePatternTypes.LITERAL : ResourcePatternTypes.PREFIXED,
    principal: `User:${saslOf(credentials, grant.role).username}`,
    host: '*',
    operation: OPERATIONS[grant.operation],
    permissionType: AclPermissionTypes.ALLOW,
  }));
}

/**
 * Creates the hub's ACLs for one topic prefix (kafkaGrants), and any `extra` grants (a test's, their names taken
 * under the same prefix), as the administrator. Idempotent: the broker keeps one copy of an ACL created twice.
 * Returns the entries, for a test to remove them again.
 */
export async function applyKafkaAcls(
  brokers: string[],
  credentials: KafkaCredentials,
  topicPrefix: string,
  extra: readonly KafkaGrant[] = [],
): Promise<AclEntry[]> {
  const prefixed = extra.map((grant) => ({ ...grant, name: topicPrefix + grant.name }));
  const acl = aclEntries([...kafkaGrants(topicPrefix), ...prefixed], credentials);
  await withAdmin(brokers, credentials, (admin) => admin.createAcls({ acl }));
  return acl;
}

export async function removeKafkaAcls(
  brokers: string[],
  credentials: KafkaCredentials,
  entries: readonly AclEntry[],
): Promise<void> {
  await withAdmin(brokers, credentials, (admin) => admin.deleteAcls({ filters: [...entries] }));
}

async function withAdmin(
  brokers: string[],
  credentials: KafkaCredentials,
  body: (admin: Admin) => Promise<unknown>,
): Promise<void> {
  const admin = new Kafka({
    clientId: 'hub-acls',
    brokers,
    sasl: saslOf(credentials, ADMIN_ROLE),
    logLevel: logLevel.NOTHING,
  }).admin();
  await admin.connect();
  try {
    await body(admin);
  } finally {
    await admin.disconnect();
  }
}
