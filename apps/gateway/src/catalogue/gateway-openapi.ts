import { INestApplication, Type } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { validationMetadatasToSchemas } from 'class-validator-jsonschema';
import {
  BATCH_CONTENT_TYPE,
  CloudEventMediaTypes,
  EventLimits,
  EventTypeRegistry,
  eventTypeRegistry,
} from '@hub/contracts';
import { HubOpenApi } from '@hub/platform';
import {
  COMPONENTS_PREFIX,
  SchemaObject,
  addSchemaComponents,
  envelopeSchema,
  eventSchemaName,
  payloadSchemaName,
} from './event-schemas';
import { DOOR_APPS, FORWARDED_ROUTES } from '../door/door-routes';

// class-transformer ships the storage's JavaScript under cjs/; the schema generator follows @Type() through it.
const { defaultMetadataStorage } =
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('class-transformer/cjs/storage') as typeof import('class-transformer/types/storage');

type Operation = {
  operationId?: string;
  summary?: string;
  description?: string;
  parameters?: { name: string; in: string; required?: boolean; schema?: unknown; description?: string }[];
  requestBody?: unknown;
  responses: Record<string, unknown>;
  security?: Record<string, string[]>[];
  tags?: string[];
};
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/** The apps behind the door, as the start of a path. */
const DOOR_PREFIX = `^/v1/(${Object.keys(DOOR_APPS).join('|')})/`;
/** Paths anyone may read without signing. */
const PUBLIC_PATHS = [
  /^\/v1\/event-types/,
  /^\/health\//,
  /^\/metrics$/,
  /^\/v1\/people\/sessions$/,
  new RegExp(`${DOOR_PREFIX}public/`),
];
const SIGNATURE_SCHEME = 'HubHmacSha256';
const SESSION_SCHEME = 'HubSession';
/** Paths a person's session reaches (the door, the people admin API, the audit), as well as a system's signature. */
const SESSION_PATHS = [new RegExp(DOOR_PREFIX), /^\/v1\/admin\/people/, /^\/v1\/audit\//];
/** Paths for a person's session only. */
const SESSION_ONLY_PATHS = [/^\/v1\/people\/sessions\/current$/];
/** The most events one batch request may carry (issue 4: "up to 500 events"). */
export const MAX_BATCH_EVENTS = 500;

export const GATEWAY_OPENAPI: HubOpenApi = {
  title: '承德高新区 data-sharing hub — department gateway',
  description: [
    'The one door for department systems: publish CloudEvents 1.0 (structured, binary or batched), subscribe to the',
    'event types a department is entitled to, and read the event catalogue.',
    '',
    'Every request except the catalogue, health and metrics is signed with HUB-HMAC-SHA256',
    '(`Authorization: HUB-HMAC-SHA256 Credential=<accessKeyId>, Timestamp=<unix s>, Nonce=<nonce>, Signature=<hex>`),',
    'see shared/spec/HTTP-SIGNING.md; `@hub/sdk` and the `hub` CLI sign for you. Errors are RFC 9457 problem details',
    '(`application/problem+json`) whose `errors` list every failing field and rule.',
    '',
    'Limits on every event, answered 400 `invalid-event` naming the field and the rule (`maxLength`, `maxDepth`,',
    "`maxItems`, `noNul`, `noLoneSurrogate`, `notNull`); each event type's `limits` in the catalogue says the same:",
    `- \`id\`, \`subject\`, \`partitionkey\`, \`correlationid\`, \`causationid\`: at most ${EventLimits.identifierLength} characters;`,
    `- \`source\`: at most ${EventLimits.source}; \`type\`: ${EventLimits.type}; any other attribute: ${EventLimits.attributeLength}; extension names: ${EventLimits.extensionNameLength};`,
    `- \`data\`: at most ${EventLimits.dataDepth} levels of objects and arrays, strings of ${EventLimits.dataStringLength} characters, property names of ${EventLimits.dataKeyLength}, arrays of ${EventLimits.dataArrayLength} items;`,
    '- no NUL (U+0000) and no unpaired surrogate anywhere in `data`, in names or values;',
    '- no `null` anywhere in `data`: no field takes it (leave an optional field out).',
    '',
    '`partitionkey` is derived: the Kafka key is always the key property the event type declares (`uscc` for enterprise',
    'events); an event whose `partitionkey` differs from it is refused.',
  ].join('\n'),
  version: '1',
  complete: (document, app) => completeGatewayDocument(document, app),
};

/** Adds what Nest cannot see from the controllers: DTO and event schemas, media types, problem details, signing. */
export function completeGatewayDocument(
  document: OpenAPIObject,
  app: INestApplication,
  registry: EventTypeRegistry = eventTypeRegistry,
): OpenAPIObject {
  const components = (document.components ??= {});
  const schemas = (components.schemas ??= {}) as Record<string, SchemaObject>;
  Object.assign(schemas, commonSchemas());
  for (const definition of registry.all()) {
    const schema = registry.jsonSchema(definition.type);
    if (!schema) continue;
    const dataName = payloadSchemaName(definition);
    addSchemaComponents(schema, dataName, `${dataName}.`, schemas);
    schemas[eventSchemaName(definition)] = envelopeSchema(definition, `${COMPONENTS_PREFIX}${dataName}`);
  }
  const anyEvent = { oneOf: registry.all().map((d) => ({ $ref: `${COMPONENTS_PREFIX}${eventSchemaName(d)}` })) };
  schemas['CloudEvent'] = { ...anyEvent, discriminator: { propertyName: 'type' } };
  components.securitySchemes = {
    [SIGNATURE_SCHEME]: {
      type: 'apiKey',
      in: 'header',
      name: 'Authorization',
      description:
        'HUB-HMAC-SHA256 over method, path, sorted query, timestamp, nonce and body hash (shared/spec/HTTP-SIGNING.md).',
    },
    [SESSION_SCHEME]: {
      type: 'apiKey',
      in: 'header',
      name: 'Hub-Session',
      description:
        "A person's session token from POST /v1/people/sessions; every non-GET call also carries the session's CSRF token in Hub-CSRF (else 403 csrf). Ends on logout, after PEOPLE_SESSION_IDLE_MINUTES idle or PEOPLE_SESSION_MAX_HOURS.",
    },
  };

  describeDtos(document, app, schemas);
  addDoorRoutes(document);
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = (item as Record<string, Operation | undefined>)[method];
      if (!operation) continue;
      const isPublic = PUBLIC_PATHS.some((p) => p.test(path));
      if (!isPublic) operation.security = securityOf(path);
      const takesInput = (operation.parameters?.length ?? 0) > 0 || operation.requestBody !== undefined;
      operation.responses = { ...problemResponses(isPublic, takesInput), ...operation.responses };
      operation.tags ??= [tagOf(path)];
    }
  }
  describeCatalogue(document);
  describeIntake(document);
  describeDelivery(document);
  describeEventStatus(document);
  describePeople(document);
  return document;
}

/** Parameters and bodies from the class-validator DTOs the controllers take (`@Query() q: Dto`, `@Body() b: Dto`). */
function describeDtos(document: OpenAPIObject, app: INestApplication, schemas: Record<string, SchemaObject>): void {
  const controllers = new Map<string, Type>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values())
      if (wrapper.metatype) controllers.set(wrapper.metatype.name, wrapper.metatype as Type);
  }
  const dtoSchemas = validationMetadatasToSchemas({
    refPointerPrefix: COMPONENTS_PREFIX,
    classTransformerMetadataStorage: defaultMetadataStorage,
  }) as Record<string, SchemaObject>;
  for (const item of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = (item as Record<string, Operation | undefined>)[method];
      const [controllerName, methodName] = operation?.operationId?.split('_') ?? [];
      const controller = controllerName ? controllers.get(controllerName) : undefined;
      if (!operation || !controller || !methodName) continue;
      const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, methodName) ?? {}) as Record<
        string,
        { index: number; data?: unknown }
      >;
      const types = (Reflect.getMetadata('design:paramtypes', controller.prototype, methodName) ?? []) as unknown[];
      for (const [key, arg] of Object.entries(args)) {
        const kind = Number(key.split(':')[0]);
        const dto = types[arg.index];
        const schema = typeof dto === 'function' && arg.data === undefined ? dtoSchemas[dto.name] : undefined;
        if (!schema) continue;
        if (kind === RouteParamtypes.QUERY || kind === RouteParamtypes.PARAM) {
          const where = kind === RouteParamtypes.QUERY ? 'query' : 'path';
          const required = (schema['required'] ?? []) as string[];
          const properties = (schema['properties'] ?? {}) as Record<string, SchemaObject>;
          operation.parameters = [
            ...(operation.parameters ?? []).filter((p) => p.in !== where),
            ...Object.entries(properties).map(([name, property]) => ({
              name,
              in: where,
              required: where === 'path' || required.includes(name),
              schema: property,
            })),
          ];
        } else if (kind === RouteParamtypes.BODY) {
          addReferenced(dto as Type, dtoSchemas, schemas);
          operation.requestBody = {
            required: true,
            content: { 'application/json': { schema: { $ref: `${COMPONENTS_PREFIX}${(dto as Type).name}` } } },
          };
        }
      }
    }
  }
}

/** Puts the DTO's schema, and those it refers to, over the empty ones Nest derived without @ApiProperty. */
function addReferenced(
  dto: Type,
  dtoSchemas: Record<string, SchemaObject>,
  schemas: Record<string, SchemaObject>,
): void {
  const pending = [dto.name];
  const added = new Set<string>();
  while (pending.length > 0) {
    const name = pending.pop() as string;
    if (added.has(name) || !dtoSchemas[name]) continue;
    added.add(name);
    schemas[name] = dtoSchemas[name];
    const text = JSON.stringify(dtoSchemas[name]);
    for (const match of text.matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)) pending.push(match[1] as string);
  }
}

function describeCatalogue(document: OpenAPIObject): void {
  const list = operationAt(document, '/v1/event-types', 'get');
  if (list) {
    list.summary = 'The event catalogue: every event type with its owner, topic, JSON Schema and an example';
    list.tags = ['catalogue'];
    list.responses['200'] = json('The event types, sorted by name', { type: 'array', items: ref('EventTypeView') });
  }
  const one = operationAt(document, '/v1/event-types/{type}', 'get');
  if (one) {
    one.summary = 'One event type';
    one.tags = ['catalogue'];
    one.responses['200'] = json('The event type', ref('EventTypeView'));
    one.responses['404'] = problem('No event type of that name is registered');
  }
}

/** The intake endpoints read the raw body (its bytes are signed), so their media types are described here. */
function describeIntake(document: OpenAPIObject): void {
  const single = operationAt(document, '/v1/events', 'post');
  if (single) {
    single.tags = ['intake'];
    single.summary ??= 'Publish one CloudEvent (structured, or binary with ce-* headers)';
    single.requestBody = {
      required: true,
      description:
        'Structured mode: the event as JSON (`application/cloudevents+json`). Binary mode: the attributes as `ce-<name>` ' +
        'headers (ce-specversion, ce-id, ce-source, ce-type, ce-subject…) and `data` as an `application/json` body.',
      content: {
        [CloudEventMediaTypes.structured]: { schema: ref('CloudEvent') },
        [CloudEventMediaTypes.json]: {
          schema: { description: 'Binary mode: the event data; its attributes travel as ce-* headers.' },
        },
      },
    };
    single.responses['202'] = {
      ...(json('Committed to the outbox: the event will reach Kafka', ref('Receipt')) as object),
      headers: {
        'Hub-Duplicate': {
          description: '`true` when this is the original receipt of an event sent before',
          schema: { type: 'string' },
        },
      },
    };
    Object.assign(single.responses, intakeRefusals(), {
      '400': problem('Not a valid CloudEvent of a registered type: `errors` names every failing field and rule'),
      '409': problem('The same source and id was accepted with another type, subject or data (id-conflict)'),
    });
  }
  const batch = operationAt(document, '/v1/events:batch', 'post');
  if (batch) {
    batch.tags = ['intake'];
    batch.summary ??= `Publish up to ${MAX_BATCH_EVENTS} CloudEvents, answered per event`;
    batch.requestBody = {
      required: true,
      content: {
        [BATCH_CONTENT_TYPE.split(';')[0] as string]: {
          schema: { type: 'array', minItems: 1, maxItems: MAX_BATCH_EVENTS, items: ref('CloudEvent') },
        },
      },
    };
    delete batch.responses['201'];
    Object.assign(batch.responses, intakeRefusals(), {
      '202': json('Every event accepted (or a duplicate answered with its original receipt)', ref('BatchAnswer')),
      '207': json(
        'Some events refused: each result says which and why; the accepted ones are committed',
        ref('BatchAnswer'),
      ),
      '400': problem('The body is not a JSON array of events'),
    });
  }
}

/** The delivery API answers with the gateway's views; their shapes are written out here. */
function describeDelivery(document: OpenAPIObject): void {
  const answer = (
    path: string,
    method: (typeof METHODS)[number],
    status: string,
    description: string,
    schema?: SchemaObject,
  ) => {
    const operation = operationAt(document, path, method);
    if (!operation) return;
    // Nest answers a POST with 201 unless told otherwise; keep only the status the endpoint really gives.
    for (const code of ['200', '201']) if (code !== status) delete operation.responses[code];
    operation.responses[status] = schema ? json(description, schema) : { description };
  };
  const one = '/v1/subscriptions/{id}';
  answer(
    '/v1/subscriptions',
    'post',
    '201',
    'Subscribed; a webhook subscription carries its webhookSecret, shown this once',
    ref('Subscription'),
  );
  answer('/v1/subscriptions', 'get', '200', "The department's subscriptions", {
    type: 'array',
    items: ref('Subscription'),
  });
  answer(one, 'get', '200', 'The subscription, with where its deliveries stand', ref('Subscription'));
  answer(one, 'patch', '200', 'Changed; status active resumes a paused subscription', ref('Subscription'));
  answer(one, 'delete', '204', 'Deleted: nothing more is delivered');
  answer(
    `${one}/replay`,
    'post',
    '202',
    "The events recorded since then, and accepted after the department's grant of their type, are being sent again",
    ref('Replay'),
  );
  answer(`${one}/deliveries`, 'get', '200', 'Deliveries, newest first', { type: 'array', items: ref('Delivery') });
  answer('/v1/entitlements', 'get', '200', 'The event types the department may subscribe to', {
    type: 'array',
    items: ref('Entitlement'),
  });
  for (const path of [one, `${one}/replay`, `${one}/deliveries`]) {
    for (const method of METHODS) {
      const operation = operationAt(document, path, method);
      if (operation) operation.responses['404'] = problem('No subscription of that id in your department');
    }
  }
}

/** What became of a department's event (event-status/): the answers are plain JSON, described here. */
function describeEventStatus(document: OpenAPIObject): void {
  const status = operationAt(document, '/v1/events/{id}', 'get');
  if (status) {
    status.summary =
      'What became of one of your events: relayed or not, each consumer group past it or not, dead letters';
    status.description = [
      '`state` accepted (in the outbox) or relayed; `position` its partition and offset; `consumers` each consumer',
      'group of the hub reading the topic, `pending` (not past it), `consumed` (past it: applied, or passed over as a',
      'duplicate or a type it does not handle) or `dead-lettered`; `deadLetters` with each `reason` and `errors`.',
    ].join(' ');
    status.responses['200'] = { description: 'The event as the hub has it (see docs/department-systems.md)' };
    status.responses['404'] = problem('Your department has no accepted event of that id (or its receipt has expired)');
    status.responses['409'] = problem('Your department used that id from several sources: name one with `source`');
  }
  const letters = operationAt(document, '/v1/dead-letters', 'get');
  if (letters) {
    letters.summary = "Your department's events' dead letters after `since` (default: the last 24 hours), oldest first";
    letters.tags = ['intake'];
    letters.responses['200'] = { description: 'The dead letters, each with the event id, consumer, reason and errors' };
  }
}

/** People's sign-in: what the controllers cannot say of the lockout and the session. */
function describePeople(document: OpenAPIObject): void {
  const login = operationAt(document, '/v1/people/sessions', 'post');
  if (login) {
    login.summary = 'Sign a person in: a session token (Hub-Session) and its CSRF token (Hub-CSRF)';
    login.description =
      "Hub-Client-Address (optional): the person's IP as the console saw it, for the audit. Five consecutive failures lock the account (60 s, doubling, at most 1 h); a success resets the count.";
    login.responses = {
      ...login.responses,
      '201': {
        description: '`{ session, csrf, expiresAt, person: { id, username, displayName, department, roles } }`',
      },
      '401': problem('Unknown username or wrong password: one answer for both (invalid-login)'),
      '403': problem('The account is disabled (account-disabled)'),
      '423': problem('Locked after repeated failures (account-locked); retry after `Retry-After` seconds'),
    };
  }
  const current = operationAt(document, '/v1/people/sessions/current', 'get');
  if (current) current.responses['401'] = problem('No live session (invalid-session): sign in again');
}

function securityOf(path: string): Record<string, string[]>[] {
  if (SESSION_ONLY_PATHS.some((p) => p.test(path))) return [{ [SESSION_SCHEME]: [] }];
  if (SESSION_PATHS.some((p) => p.test(path))) return [{ [SIGNATURE_SCHEME]: [] }, { [SESSION_SCHEME]: [] }];
  return [{ [SIGNATURE_SCHEME]: [] }];
}

/** Every route the door forwards (door-routes.ts), under the gateway's path for it. */
function addDoorRoutes(document: OpenAPIObject): void {
  for (const route of FORWARDED_ROUTES) {
    const path = `/v1/${route.app}${route.path}`;
    const parameters = [...route.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
      name: name!,
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    const operation: Operation = {
      operationId: `${route.app}.${route.method}${route.path.replace(/[^A-Za-z0-9]+/g, '_')}`,
      summary: route.summary,
      description: (route.public
        ? [
            `Public (一公开): no session or signature. Forwarded to the ${route.app} app's \`GET /v1${route.path}\``,
            "with the public's assertion, its query as sent; its answer as it gave it.",
          ]
        : [
            `Forwarded to the ${route.app} app's \`${route.method.toUpperCase()} /v1${route.path}\` with the edge's assertion`,
            "naming the signing system or the session's person (kind, department, roles: the app checks them);",
            "its query and body as sent; its answer, problem details included, as it gave it. A person's non-GET call needs",
            "Hub-CSRF (403 `csrf`) and is recorded in the audit of people's actions.",
          ]
      )
        .concat(['502 when the app cannot be reached, 504 when it does not answer within GATEWAY_UPSTREAM_TIMEOUT_MS.'])
        .join(' '),
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(route.method === 'get' ? {} : { requestBody: { content: { 'application/json': {} } } }),
      responses: {
        '200': { description: "The app's answer" },
        '502': problem(`The ${route.app} app cannot be reached`),
        '504': problem(`The ${route.app} app did not answer in time`),
      },
      tags: [`${route.app}: ${DOOR_APPS[route.app].title}`],
    };
    document.paths[path] = { ...(document.paths[path] ?? {}), [route.method]: operation };
  }
}

function intakeRefusals(): Record<string, unknown> {
  return {
    '403': problem("The credential's department does not own the type, or source/department name another (forbidden)"),
    '413': problem(
      "The body (by its Content-Length, before it is read, or counted as it comes), an event of a batch, or the number of events in a batch, is over the limit (GATEWAY_MAX_EVENT_BYTES, GATEWAY_MAX_BATCH_BYTES, GATEWAY_MAX_BATCH_EVENTS), the connection then closing; or the event's Kafka record would be over the broker's limit (KAFKA_MAX_MESSAGE_BYTES: field `data`, rule `maxRecordBytes`)",
    ),
    '415': problem(
      'Not application/cloudevents+json, binary mode, or (batch) application/cloudevents-batch+json; or a Content-Encoding (bodies are sent uncompressed)',
    ),
    '503': problem(
      'Nothing was accepted: the database is unavailable, or too many events wait to be stored; retry after `Retry-After`',
    ),
    '429': problem("Over the department's rate limit; retry after `Retry-After` seconds"),
  };
}

function operationAt(document: OpenAPIObject, path: string, method: (typeof METHODS)[number]): Operation | undefined {
  return (document.paths[path] as Record<string, Operation | undefined> | undefined)?.[method];
}

/** Groups the operations as a department reads them: intake, delivery, catalogue, admin, operations. */
function tagOf(path: string): string {
  if (path.startsWith('/v1/events')) return 'intake';
  if (path.startsWith('/v1/subscriptions') || path === '/v1/entitlements') return 'delivery';
  if (path.startsWith('/v1/event-types')) return 'catalogue';
  if (path.startsWith('/v1/admin')) return 'admin';
  if (path.startsWith('/v1/me')) return 'credentials';
  if (path.startsWith('/v1/people') || path.startsWith('/v1/audit')) return 'people';
  return 'operations';
}

function problemResponses(isPublic: boolean, takesInput: boolean): Record<string, unknown> {
  return {
    ...(takesInput ? { '400': problem('Invalid: `errors` names every failing field and rule') } : {}),
    ...(isPublic
      ? {}
      : {
          '401': problem(
            'Missing, malformed, stale, replayed or wrong signature (missing-signature, bad-signature, stale-timestamp…)',
          ),
          '403': problem("The credential's department may not do this"),
          '503': problem('The hub cannot take it now; nothing was accepted, retry'),
        }),
  };
}

function commonSchemas(): Record<string, SchemaObject> {
  return {
    FieldError: {
      type: 'object',
      required: ['field', 'rule', 'message'],
      properties: {
        field: { type: 'string', example: 'data.uscc' },
        rule: { type: 'string', example: 'usccChecksum' },
        message: { type: 'string' },
      },
    },
    ProblemDetails: {
      type: 'object',
      description: 'RFC 9457 problem details',
      required: ['type', 'title', 'status'],
      properties: {
        type: { type: 'string', example: 'urn:hub:problem:invalid-request' },
        title: { type: 'string' },
        status: { type: 'integer' },
        detail: { type: 'string' },
        instance: { type: 'string' },
        errors: { type: 'array', items: ref('FieldError') },
      },
    },
    Receipt: {
      type: 'object',
      description:
        'Given once the event is committed to the outbox; a duplicate (same source and id) gets the original receipt ' +
        'while the hub keeps it (30 days by default; an event sent again after that is accepted as new).',
      required: ['hubId', 'id', 'source', 'type', 'topic', 'acceptedAt'],
      properties: {
        hubId: {
          type: 'string',
          format: 'uuid',
          description: "The hub's id of the event (the `hubid` extension on Kafka)",
        },
        id: { type: 'string' },
        source: { type: 'string' },
        type: { type: 'string' },
        topic: { type: 'string', example: 'zone.approval.enterprise.v1' },
        acceptedAt: { type: 'string', format: 'date-time' },
      },
    },
    BatchAnswer: {
      type: 'object',
      required: ['accepted', 'refused', 'results'],
      properties: {
        accepted: { type: 'integer' },
        refused: { type: 'integer' },
        results: {
          type: 'array',
          description: 'One per event, in the order sent',
          items: {
            type: 'object',
            required: ['index', 'status'],
            properties: {
              index: { type: 'integer' },
              status: { type: 'integer', enum: [202, 400, 403, 409, 413] },
              duplicate: { type: 'boolean' },
              receipt: ref('Receipt'),
              problem: ref('ProblemDetails'),
            },
          },
        },
      },
    },
    Subscription: {
      type: 'object',
      required: ['id', 'department', 'eventTypes', 'mode', 'status', 'createdAt', 'updatedAt'],
      properties: {
        id: { type: 'string', pattern: '^sub-[0-9a-f]{16}$' },
        department: { type: 'string', example: 'SCJG' },
        createdBy: { type: 'string', description: 'The system whose credentials created it' },
        eventTypes: { type: 'array', items: { type: 'string' } },
        mode: { type: 'string', enum: ['webhook', 'egress'] },
        webhookUrl: { type: 'string', format: 'uri' },
        topic: {
          type: 'string',
          description: 'Egress subscriptions: the Kafka topic to consume',
          example: 'zone.egress.scjg.v1',
        },
        status: { type: 'string', enum: ['active', 'paused'] },
        pausedAt: { type: 'string', format: 'date-time', nullable: true },
        pauseReason: { type: 'string', nullable: true },
        createdAt: { type: 'string', format: 'date-time' },
        updatedAt: { type: 'string', format: 'date-time' },
        webhookSecret: { type: 'string', description: 'Only in the answer that creates a webhook subscription' },
        deliveries: {
          type: 'object',
          properties: {
            pending: { type: 'integer' },
            failed: { type: 'integer' },
            oldestUndeliveredAt: { type: 'string', format: 'date-time', nullable: true },
            lastDeliveredAt: { type: 'string', format: 'date-time', nullable: true },
          },
        },
      },
    },
    Delivery: {
      type: 'object',
      required: ['id', 'sequence', 'status', 'attempts', 'event'],
      properties: {
        id: { type: 'string', description: 'The Hub-Delivery-Id of every attempt' },
        sequence: { type: 'string', description: 'before=<sequence> pages to older deliveries' },
        status: { type: 'string', enum: ['pending', 'failed', 'delivered'] },
        replay: { type: 'boolean' },
        attempts: { type: 'integer' },
        event: {
          type: 'object',
          properties: {
            id: { type: 'string' },
            source: { type: 'string' },
            type: { type: 'string' },
            key: { type: 'string' },
          },
        },
        createdAt: { type: 'string', format: 'date-time' },
        lastAttemptAt: { type: 'string', format: 'date-time', nullable: true },
        nextAttemptAt: { type: 'string', format: 'date-time', nullable: true },
        deliveredAt: { type: 'string', format: 'date-time', nullable: true },
        lastStatusCode: { type: 'integer', nullable: true },
        lastError: { type: 'string', nullable: true },
      },
    },
    Replay: {
      type: 'object',
      description:
        "A replay never sends what the hub accepted before the department's grant of a type: asked from before it, the type is replayed from the grant (eventTypes[].from says where each began)",
      properties: {
        subscriptionId: { type: 'string' },
        since: { type: 'string', format: 'date-time', description: 'As asked' },
        replayed: { type: 'integer' },
        eventTypes: {
          type: 'array',
          description: "The subscription's types the department is entitled to, each replayed from `from`",
          items: {
            type: 'object',
            properties: {
              eventType: { type: 'string' },
              grantedAt: { type: 'string', format: 'date-time', description: "The department's grant of the type" },
              from: { type: 'string', format: 'date-time', description: 'The later of since and grantedAt' },
            },
          },
        },
      },
    },
    Entitlement: {
      type: 'object',
      properties: {
        department: { type: 'string' },
        eventType: { type: 'string' },
        grantedAt: { type: 'string', format: 'date-time' },
      },
    },
    EventTypeView: {
      type: 'object',
      required: ['type', 'version', 'owner', 'topic', 'key', 'summary', 'schema', 'example', 'limits'],
      properties: {
        type: { type: 'string', example: 'zone.approval.enterprise.registered.v1' },
        version: { type: 'integer', example: 1 },
        owner: { type: 'string', example: 'SPJ', description: 'The department code or app allowed to publish it' },
        ownerName: { type: 'string', example: '审批局' },
        topic: { type: 'string', example: 'zone.approval.enterprise.v1' },
        key: { type: 'string', example: 'uscc', description: 'The data property that is the subject and Kafka key' },
        summary: { type: 'string' },
        schema: { type: 'object', description: 'JSON Schema (draft-07) of data' },
        example: { type: 'object', description: 'A whole CloudEvent of this type' },
        limits: {
          type: 'object',
          description: 'The maximums every event is held to beyond its schema (400 with the field and rule)',
          properties: Object.fromEntries(Object.keys(EventLimits).map((name) => [name, { type: 'integer' }])),
          example: EventLimits,
        },
      },
    },
  };
}

function ref(name: string): SchemaObject {
  return { $ref: `${COMPONENTS_PREFIX}${name}` };
}

function json(description: string, schema: SchemaObject): unknown {
  return { description, content: { 'application/json': { schema } } };
}

function problem(description: string): unknown {
  return { description, content: { 'application/problem+json': { schema: ref('ProblemDetails') } } };
}
