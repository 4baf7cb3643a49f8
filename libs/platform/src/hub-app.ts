import {
  BeforeApplicationShutdown,
  DynamicModule,
  Global,
  INestApplication,
  Module,
  OnApplicationShutdown,
  Type,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Request, Response } from 'express';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Kafka, logLevel } from 'kafkajs';
import { DataSource, EntitySchema, MigrationInterface } from 'typeorm';
import { HubEnv } from '@hub/config';
import { topicsUsedBy, type ConsumedTopics } from '@hub/contracts';
import {
  EventCatalog,
  HubConsumerOptions,
  HubKafkaServer,
  HubProducer,
  InboxAppliedAt1764500000000,
  InboxEntry,
  MessagingModule,
  MessagingTables1764230400000,
  OutboxMessage,
  OutboxRelay,
  RelayObserver,
  OutboxWriter,
  contractsCatalog,
  ensureTopics,
  kafkaLogCreator,
} from '@hub/messaging';
import { HealthRegistry, HubMetrics, JsonLogger, ObservabilityModule } from '@hub/observability';
import { HubDataSourceConfig, PostgresTimeouts, migrate, openDataSource } from '@hub/persistence';
import { InboxRetention } from './inbox-retention';
import { hubKafka } from './kafka-access';
import { ProblemDetailsFilter, hubValidationPipe } from './problem-details';

export type HubAppName = 'gateway' | 'approval' | 'supervision' | 'inspection' | 'registry' | 'console';

/** Default ports, in the design's order (DESIGN.md). */
export const HUB_PORTS: Record<HubAppName, number> = {
  gateway: 3000,
  approval: 3001,
  supervision: 3002,
  inspection: 3003,
  registry: 3004,
  console: 3005,
};

export interface HubAppDefinition {
  /** Also the app's schema and its consumer group. */
  name: HubAppName;
  /** The app's own modules. */
  modules: (Type | DynamicModule)[];
  entities: (Type | EntitySchema)[];
  migrations: Type<MigrationInterface>[];
  /** The app's validated environment class when it needs more than HubEnv; injectable as HubEnv. */
  env?: new () => HubEnv;
  /** Serve an OpenAPI document of the app's HTTP API at `/docs` (UI), `/docs/openapi.json` and `/docs/openapi.yaml`. */
  openApi?: HubOpenApi;
  /**
   * The app consumes events it writes itself, to rebuild its state from Kafka, and applies each one in the transaction
   * that writes it (so reading it back live changes nothing): its outbox records them in its inbox, and its consumer
   * passes over them by their headers, undecoded. Replayed into an empty schema they are applied as before.
   */
  appliesOwnEventsWhenWritten?: boolean;
  /** Told of every batch the app's outbox relay has produced (see OutboxRelayOptions.onRelayed). */
  onRelayed?: RelayObserver;
  /**
   * `false`: the app reads request bodies itself (the gateway, under each route's limit and only after the
   * signature's headers check out) and Nest's body parsers, which read every body before any route runs, are off.
   */
  bodyParser?: false;
  /**
   * What the app reads with consumers of its own, outside its transport's handlers (the console's event ledger), in
   * the terms of APP_CONSUMES: tools/app-consumption.spec.ts holds the handlers and these to it.
   */
  consumesBeyondHandlers?: readonly ConsumedTopics[];
}

export interface HubOpenApi {
  title: string;
  description: string;
  version: string;
  /** Completes the document Nest derives from the controllers (schemas, examples, security) once the app is built. */
  complete?: (document: OpenAPIObject, app: INestApplication) => OpenAPIObject;
}

export interface RunningHubApp {
  app: INestApplication;
  url: string;
  dataSource: DataSource;
  server: HubKafkaServer;
  relay: OutboxRelay;
  metrics: HubMetrics;
  close(): Promise<void>;
}

/** An app's tables: its own, plus the outbox and inbox every app keeps, all in the app's schema. */
export function appDataSourceConfig(
  definition: HubAppDefinition,
  url: string,
  timeouts?: PostgresTimeouts,
): HubDataSourceConfig {
  return {
    url,
    timeouts,
    schema: definition.name,
    entities: [...definition.entities, OutboxMessage, InboxEntry],
    migrations: [MessagingTables1764230400000, InboxAppliedAt1764500000000, ...definition.migrations],
  };
}

/** Stops the relay and the producer once the consumer has finished (Nest closes microservices before these hooks). */
class HubRuntime implements BeforeApplicationShutdown, OnApplicationShutdown {
  constructor(
    private readonly relay: OutboxRelay,
    private readonly producer: HubProducer,
  ) {}

  async beforeApplicationShutdown(): Promise<void> {
    await this.relay.stop();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.producer.disconnect();
  }
}

/**
 * Boots one app: its schema migrated, its topics present, its outbox relayed, its consumer joined, its inbox
 * pruned, its HTTP endpoints (health, metrics and its own) listening. Used by every main.ts and by the tests.
 */
export async function startHubApp(
  definition: HubAppDefinition,
  env: HubEnv,
  options: {
    catalog?: EventCatalog;
    host?: string;
    logger?: JsonLogger;
    /** Consumer tuning (tests shorten retries and session timeouts). */
    consumer?: Pick<HubConsumerOptions, 'retry' | 'sessionTimeoutMs' | 'heartbeatIntervalMs' | 'stopMs'>;
  } = {},
): Promise<RunningHubApp> {
  const { name } = definition;
  const logger = options.logger ?? new JsonLogger(name, env.LOG_LEVEL);
  const catalog = options.catalog ?? contractsCatalog({ topicPrefix: env.KAFKA_TOPIC_PREFIX });
  const metrics = new HubMetrics(name);
  const dataSource = await openDataSource(appDataSourceConfig(definition, env.DATABASE_URL, env.databaseTimeouts));
  const applied = await migrate(dataSource);
  if (applied.length > 0) logger.log(`applied migrations: ${applied.join(', ')}`, 'Migrations');

  const kafka = hubKafka(env, name, {
    clientId: `${name}-${env.INSTANCE_ID}`,
    logLevel: logLevel.WARN,
    logCreator: kafkaLogCreator(logger),
  });
  // Only the app's own topics: its ACLs let it create those and no others.
  await ensureTopics(kafka, topicsUsedBy(name, catalog.topicPrefix), env.KAFKA_PARTITIONS);
  const producer = new HubProducer(kafka, metrics);
  await producer.connect();
  const relay = new OutboxRelay({
    databaseUrl: env.DATABASE_URL,
    databaseTimeouts: env.databaseTimeouts,
    schema: name,
    producer,
    metrics,
    lingerMs: env.OUTBOX_LINGER_MS,
    maxMessageBytes: env.KAFKA_MAX_MESSAGE_BYTES,
    onRelayed: definition.onRelayed,
  });
  const groupId = `${env.KAFKA_TOPIC_PREFIX}${name}`;
  const ownEvents = definition.appliesOwnEventsWhenWritten === true;
  const server = new HubKafkaServer({
    kafka,
    groupId,
    dataSource,
    catalog,
    producer,
    metrics,
    fetchMinBytes: env.KAFKA_FETCH_MIN_BYTES,
    fetchMaxWaitMs: env.KAFKA_FETCH_MAX_WAIT_MS,
    inboxFirst: ownEvents,
    maxMessageBytes: env.KAFKA_MAX_MESSAGE_BYTES,
    ...options.consumer,
  });
  const outbox = new OutboxWriter(
    name,
    catalog,
    ownEvents ? { consumer: groupId, handles: (type) => server.handles(type) } : undefined,
  );

  @Module({
    imports: [
      ObservabilityModule.forApp(metrics),
      TypeOrmModule.forRootAsync({
        useFactory: () => dataSource.options,
        dataSourceFactory: async () => dataSource,
      }),
      MessagingModule.forApp({ producer, outbox, relay, catalog }),
      ...definition.modules,
    ],
    providers: [
      { provide: HubRuntime, useFactory: () => new HubRuntime(relay, producer) },
      { provide: InboxRetention, useFactory: () => new InboxRetention(dataSource, env, metrics) },
      { provide: HubEnv, useValue: env },
      // The app's own Kafka client (its brokers and credentials), for what goes past the transport (admin reads).
      { provide: Kafka, useValue: kafka },
      ...(definition.env ? [{ provide: definition.env, useValue: env }] : []),
    ],
    exports: [HubEnv, Kafka, ...(definition.env ? [definition.env] : [])],
  })
  @Global()
  class HubRootModule {}

  // rawBody: request signatures cover the exact bytes sent (spec/HTTP-SIGNING.md).
  const app = await NestFactory.create<NestExpressApplication>(HubRootModule, {
    logger,
    abortOnError: false,
    ...(definition.bodyParser === false ? { bodyParser: false } : { rawBody: true }),
  });
  // API answers are not cached by validators, and the framework is nobody's business: no ETag hashing per answer.
  app.disable('etag');
  app.disable('x-powered-by');
  app.use(countServerErrors(metrics));
  app.useGlobalPipes(hubValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());
  const health = app.get(HealthRegistry);
  health.register('database', async () => {
    await dataSource.query('SELECT 1');
    return true;
  });
  health.register('consumer', () => server.isJoined);
  if (definition.openApi) mountOpenApi(app, definition.openApi);
  app.connectMicroservice({ strategy: server });
  await app.startAllMicroservices();
  relay.start();
  await app.listen(env.PORT, options.host ?? '0.0.0.0');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  logger.log(`${name} listening on ${url}`, 'Bootstrap');
  return { app, url, dataSource, server, relay, metrics, close: () => app.close() };
}

/**
 * Counts every 5xx answer by the route's pattern (so the label's values are the app's routes, not its URLs), whether
 * an exception filter, a guard or a handler sent it.
 */
function countServerErrors(metrics: HubMetrics): (request: Request, response: Response, next: () => void) => void {
  return (request, response, next) => {
    response.once('finish', () => {
      if (response.statusCode < 500) return;
      const route = (request as Request & { route?: { path?: unknown } }).route?.path;
      metrics.httpServerErrors.inc({
        method: request.method,
        route: typeof route === 'string' ? route : 'unmatched',
        status: String(response.statusCode),
      });
    });
    next();
  };
}

function mountOpenApi(app: INestApplication, openApi: HubOpenApi): void {
  const config = new DocumentBuilder()
    .setTitle(openApi.title)
    .setDescription(openApi.description)
    .setVersion(openApi.version)
    .build();
  const derived = SwaggerModule.createDocument(app, config);
  const document = openApi.complete ? openApi.complete(derived, app) : derived;
  SwaggerModule.setup('docs', app, document, {
    jsonDocumentUrl: 'docs/openapi.json',
    yamlDocumentUrl: 'docs/openapi.yaml',
  });
}
