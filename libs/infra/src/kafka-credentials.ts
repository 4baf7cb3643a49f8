import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

export const KAFKA_SASL_MECHANISMS = ['scram-sha-256', 'scram-sha-512'] as const;
export type KafkaSaslMechanism = (typeof KAFKA_SASL_MECHANISMS)[number];

/** kafkajs' `sasl` option for one principal. */
export type KafkaSasl = {
  [M in KafkaSaslMechanism]: { readonly mechanism: M; readonly username: string; readonly password: string };
}[KafkaSaslMechanism];

/**
 * Every principal's credentials, by role: `admin` (topics and ACLs), each app by its name, each department by its
 * code in lower case. For the local broker they are generated once per installation (.hub/kafka/credentials.json);
 * for an existing cluster the operator writes the same file with the users the cluster knows.
 */
export interface KafkaCredentials {
  readonly mechanism: KafkaSaslMechanism;
  readonly principals: Readonly<Record<string, { readonly username: string; readonly password: string }>>;
}

export const ADMIN_ROLE = 'admin';

const ROLE = /^[a-z][a-z0-9-]{0,63}$/;
// SCRAM user names travel in the SASL exchange as `n=<name>`, where `=` and `,` would need escaping.
const USERNAME = /^[A-Za-z0-9._-]{1,64}$/;

/** The hub's user name of a role, on the local broker and in docker compose: `hub-admin`, `hub-gateway`, `hub-spj`. */
export function principalUsername(role: string): string {
  return `hub-${role}`;
}

/** Reads and checks a credentials file; throws naming the file and every problem. */
export function readKafkaCredentials(file: string): KafkaCredentials {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read the Kafka credentials file ${file}: ${(error as Error).message}`);
  }
  return parseKafkaCredentials(raw, file);
}

export function parseKafkaCredentials(raw: unknown, origin = 'Kafka credentials'): KafkaCredentials {
  const problems: string[] = [];
  const object = (value: unknown): Record<string, unknown> =>
    typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  const { mechanism, principals } = object(raw);
  if (!KAFKA_SASL_MECHANISMS.includes(mechanism as KafkaSaslMechanism)) {
    problems.push(`mechanism must be one of ${KAFKA_SASL_MECHANISMS.join(', ')}`);
  }
  const entries = Object.entries(object(principals));
  if (entries.length === 0) problems.push('principals must name at least one principal');
  for (const [role, entry] of entries) {
    const { username, password } = object(entry);
    if (!ROLE.test(role)) problems.push(`principals.${role}: a role is lower-case letters, digits and -`);
    if (typeof username !== 'string' || !USERNAME.test(username)) {
      problems.push(`principals.${role}.username must be 1-64 letters, digits, '.', '_' or '-'`);
    }
    if (typeof password !== 'string' || password.length < 12) {
      problems.push(`principals.${role}.password must be a string of at least 12 characters`);
    }
  }
  if (problems.length > 0) throw new Error(`${origin}: ${problems.join('; ')}`);
  return raw as KafkaCredentials;
}

/** The SASL option of one role; throws when the credentials do not name it. */
export function saslOf(credentials: KafkaCredentials, role: string): KafkaSasl {
  const principal = credentials.principals[role];
  if (!principal) {
    throw new Error(
      `The Kafka credentials name no principal "${role}" (they name ${Object.keys(credentials.principals).join(', ')})`,
    );
  }
  return { mechanism: credentials.mechanism, username: principal.username, password: principal.password } as KafkaSasl;
}

/**
 * The local broker's credentials: read from `file`, with a new random password for every role it lacks (all of them
 * on the first start). Written back readable by its owner only.
 */
export function ensureLocalCredentials(file: string, roles: readonly string[]): KafkaCredentials {
  const existing = existsSync(file) ? readKafkaCredentials(file) : undefined;
  const principals = { ...(existing?.principals ?? {}) };
  let changed = existing === undefined;
  for (const role of [ADMIN_ROLE, ...roles]) {
    if (principals[role]) continue;
    principals[role] = { username: principalUsername(role), password: newPassword() };
    changed = true;
  }
  const credentials: KafkaCredentials = { mechanism: existing?.mechanism ?? 'scram-sha-512', principals };
  if (changed) {
    const temporary = `${file}.tmp`;
    writeFileSync(temporary, JSON.stringify(credentials, null, 2) + '\n', { mode: 0o600 });
    chmodSync(temporary, 0o600);
    renameSync(temporary, file);
  }
  return credentials;
}

function newPassword(): string {
  return randomBytes(24).toString('base64url');
}
