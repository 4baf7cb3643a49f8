/**
 * Local infrastructure of the hub: `start` brings up Kafka and PostgreSQL (or finds them running) and leaves them
 * running for `npm start` and test runs to share; `stop` stops what a start launched; `status` reports.
 * `acls` creates the Kafka ACLs the contracts imply for KAFKA_TOPIC_PREFIX, as the administrator of
 * KAFKA_CREDENTIALS_FILE (an existing cluster) or of the local broker (`start` and `npm start` do it for the latter).
 *   node -r tsconfig-paths/register dist/tools/infra.js start|stop|status|acls   (with TS_NODE_BASEURL=dist)
 */
import {
  databaseNameFor,
  databaseUrl,
  EMBEDDED_POSTGRES_URL,
  ensureDatabase,
  ensureKafka,
  ensurePostgres,
  kafkaAnswers,
  LOCAL_POSTGRES_URL,
  localKafkaStatus,
  postgresAnswers,
  readInfraEnv,
  stopEmbeddedPostgres,
  stopKafka,
  kafkaCredentials,
  hubPaths,
  localEdgeKeys,
} from '@hub/infra';
import { applyKafkaAcls } from '@hub/platform';

async function start(): Promise<void> {
  const began = Date.now();
  const [kafka, postgres] = await Promise.all([ensureKafka(), ensurePostgres()]);
  const name = databaseNameFor('run', readInfraEnv().databaseUrl);
  await ensureDatabase(postgres.adminUrl, name);
  console.log(`Kafka       ${kafka.brokers.join(',')} (${kafka.startedHere ? 'started' : 'already running'})`);
  console.log(
    `PostgreSQL  ${databaseUrl(postgres.adminUrl, name)} (${postgres.startedHere ? 'started' : 'already running'})`,
  );
  await acls(kafka.brokers);
  localEdgeKeys();
  console.log(`Edge keys   ${hubPaths().edgeKeys} (the gateway's assertions; development only)`);
  console.log(`Ready in ${((Date.now() - began) / 1000).toFixed(1)} s`);
}

async function acls(known?: string[]): Promise<void> {
  const brokers = known ?? readInfraEnv().kafkaBrokers ?? (await ensureKafka()).brokers;
  const credentials = kafkaCredentials();
  if (!credentials) {
    console.log('Kafka ACLs  none: no credentials (set KAFKA_CREDENTIALS_FILE for an existing cluster)');
    return;
  }
  const prefix = process.env.KAFKA_TOPIC_PREFIX ?? '';
  const entries = await applyKafkaAcls(brokers, credentials, prefix);
  console.log(`Kafka ACLs  ${entries.length} for topic prefix "${prefix}" (the contracts' owners and consumers)`);
}

async function stop(): Promise<void> {
  console.log((await stopKafka()) ? 'Kafka stopped' : 'Kafka: no broker started by `infra start` was running');
  console.log(
    (await stopEmbeddedPostgres()) ? 'Embedded PostgreSQL stopped' : 'PostgreSQL: no embedded server was running',
  );
}

/** Exit code 1 when Kafka or PostgreSQL does not answer. */
async function status(): Promise<number> {
  const env = readInfraEnv();
  let kafkaUp: boolean;
  if (env.kafkaBrokers !== undefined) {
    kafkaUp = await kafkaAnswers(env.kafkaBrokers);
    console.log(`Kafka       KAFKA_BROKERS=${env.kafkaBrokers.join(',')}: ${kafkaUp ? 'answering' : 'NOT answering'}`);
  } else {
    const local = await localKafkaStatus();
    kafkaUp = local.answering;
    const owner = local.pid === undefined ? '' : `, pid ${local.pid} from .hub/kafka`;
    console.log(`Kafka       ${local.brokers.join(',')}: ${kafkaUp ? 'answering' : 'NOT answering'}${owner}`);
  }

  const candidates: Array<[string, string]> =
    env.databaseUrl !== undefined
      ? [['DATABASE_URL', env.databaseUrl]]
      : [
          ['local server', LOCAL_POSTGRES_URL],
          ['embedded server', EMBEDDED_POSTGRES_URL],
        ];
  let postgresUp = false;
  for (const [label, url] of candidates) {
    const up = await postgresAnswers(url);
    postgresUp ||= up;
    console.log(`PostgreSQL  ${label} ${redact(url)}: ${up ? 'answering' : 'NOT answering'}`);
  }
  return kafkaUp && postgresUp ? 0 : 1;
}

function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

async function main(command: string | undefined): Promise<number> {
  switch (command) {
    case 'start':
      await start();
      return 0;
    case 'stop':
      await stop();
      return 0;
    case 'status':
      return status();
    case 'acls':
      await acls();
      return 0;
    default:
      console.error('usage: infra start|stop|status|acls');
      return 2;
  }
}

main(process.argv[2]).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
