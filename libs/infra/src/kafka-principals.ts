import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
// Relative, not @hub/contracts: the tests' global setup loads this library without the path aliases.
import { kafkaRoles } from '../../contracts/src/registry/kafka-access';
import { hubPaths, HubPaths } from './hub-paths';
import { readInfraEnv } from './infra-env';
import {
  ADMIN_ROLE,
  ensureLocalCredentials,
  KafkaCredentials,
  KafkaSasl,
  readKafkaCredentials,
  saslOf,
} from './kafka-credentials';

/** The local broker's own principal towards its controller listener; no client uses it. */
export const CONTROLLER_ROLE = 'controller';

/** The local broker's credentials, with one for every principal the contracts name (new ones added). */
export function ensureLocalKafkaCredentials(): KafkaCredentials {
  return ensureLocalCredentials(hubPaths().kafka.credentials, [CONTROLLER_ROLE, ...kafkaRoles()]);
}

/**
 * The credentials the hub's clients use: KAFKA_CREDENTIALS_FILE's for an existing cluster, the local broker's
 * otherwise; none when neither file exists (a broker without authentication, such as a test container).
 */
export function kafkaCredentials(): KafkaCredentials | undefined {
  const { kafkaBrokers, kafkaCredentialsFile } = readInfraEnv();
  if (kafkaCredentialsFile !== undefined) return readKafkaCredentials(kafkaCredentialsFile);
  if (kafkaBrokers !== undefined) return undefined;
  const local = hubPaths().kafka.credentials;
  return existsSync(local) ? readKafkaCredentials(local) : undefined;
}

/** The file {@link kafkaCredentials} reads, for processes to read it themselves (HubEnv.KAFKA_CREDENTIALS_FILE). */
export function kafkaCredentialsFile(): string | undefined {
  const { kafkaBrokers, kafkaCredentialsFile: configured } = readInfraEnv();
  if (configured !== undefined) return configured;
  const local = hubPaths().kafka.credentials;
  return kafkaBrokers === undefined && existsSync(local) ? local : undefined;
}

/** kafkajs' `sasl` option for a role (the administrator's by default); undefined without credentials. */
export function infraKafkaSasl(role: string = ADMIN_ROLE): KafkaSasl | undefined {
  const credentials = kafkaCredentials();
  return credentials && saslOf(credentials, role);
}

/** The SCRAM users the local broker's storage holds, as recorded beside its data. */
export function storedPrincipals(paths: HubPaths['kafka']): string[] {
  const file = principalsFile(paths);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as string[]) : [];
}

export function recordStoredPrincipals(paths: HubPaths['kafka'], usernames: readonly string[]): void {
  writeFileSync(principalsFile(paths), JSON.stringify([...usernames].sort()) + '\n');
}

// Beside the log directories, so that it goes when the storage goes.
function principalsFile(paths: HubPaths['kafka']): string {
  return join(paths.data, 'hub-scram-users.json');
}
