export { ensureInfrastructure, databaseNameFor } from './infrastructure';
export type { Infrastructure, InfrastructurePurpose } from './infrastructure';
export {
  ensureKafka,
  startLocalKafka,
  stopLocalKafka,
  stopKafka,
  localKafkaStatus,
  kafkaAnswers,
  localKafkaWarnings,
} from './kafka';
export type { KafkaHandle, LocalKafkaStatus } from './kafka';
export { renderServerProperties, newClusterId } from './kafka-config';
export type { LocalKafkaAuth, LocalKafkaConfig } from './kafka-config';
export {
  ADMIN_ROLE,
  KAFKA_SASL_MECHANISMS,
  parseKafkaCredentials,
  principalUsername,
  readKafkaCredentials,
  saslOf,
} from './kafka-credentials';
export type { KafkaCredentials, KafkaSasl, KafkaSaslMechanism } from './kafka-credentials';
export { CONTROLLER_ROLE, infraKafkaSasl, kafkaCredentials, kafkaCredentialsFile } from './kafka-principals';
export {
  ensurePostgres,
  startEmbeddedPostgres,
  stopEmbeddedPostgres,
  LOCAL_POSTGRES_URL,
  EMBEDDED_POSTGRES_URL,
  postgresAnswers,
  ensureDatabase,
  dropDatabase,
} from './postgres';
export type { PostgresHandle } from './postgres';
export {
  HUB_DATABASE,
  HUB_TEST_DATABASE,
  databaseUrl,
  databaseNameOf,
  isTestDatabase,
  assertTestDatabase,
  assertDatabaseName,
} from './postgres-url';
export { readInfraEnv } from './infra-env';
export { hubPaths } from './hub-paths';
export { localEdgeKeys, localLedgerKeys, newEdgeKeys } from './edge-keys';
export type { EdgeKeys } from './edge-keys';
export type { InfraEnv } from './infra-env';
