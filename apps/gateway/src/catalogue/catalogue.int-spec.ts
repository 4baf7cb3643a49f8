import { EVENT_TYPES, EnterpriseRegisteredV1, eventTypeRegistry } from '@hub/contracts';
import { RunningHubApp, startHubApp } from '@hub/platform';
import { IsolatedEnv, isolatedEnv } from '@hub/testing';
import { gatewayApp } from '../gateway.app';
import { toGatewayEnv } from '../gateway.env';

/** The gateway in-process on the real broker and database: its catalogue and its OpenAPI document. */
describe('gateway catalogue and docs', () => {
  let iso: IsolatedEnv;
  let gateway: RunningHubApp;

  beforeAll(async () => {
    iso = await isolatedEnv();
    gateway = await startHubApp(gatewayApp, toGatewayEnv(iso.env));
  });

  afterAll(async () => {
    await gateway?.close();
    await iso?.dispose();
  });

  it('lists every event type without a signature', async () => {
    const response = await fetch(`${gateway.url}/v1/event-types`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      type: string;
      owner: string;
      topic: string;
      schema: unknown;
      example: unknown;
    }[];
    expect(body.map((v) => v.type)).toEqual(EVENT_TYPES.map((d) => d.type).sort());
    for (const view of body) {
      expect(view.schema).toEqual(eventTypeRegistry.jsonSchema(view.type));
      expect(eventTypeRegistry.validate(view.example).ok).toBe(true);
    }
  });

  it('filters by owner, and refuses a malformed filter naming the field', async () => {
    const spj = (await (await fetch(`${gateway.url}/v1/event-types?owner=SPJ`)).json()) as { owner: string }[];
    expect(spj.length).toBeGreaterThan(0);
    expect(spj.every((v) => v.owner === 'SPJ')).toBe(true);
    const bad = await fetch(`${gateway.url}/v1/event-types?owner=not%20an%20owner`);
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(((await bad.json()) as { errors: unknown[] }).errors).toContainEqual(
      expect.objectContaining({ field: 'owner', rule: 'matches' }),
    );
  });

  it('describes one type, and answers 404 for an unknown one and 400 for a malformed name', async () => {
    const one = await fetch(`${gateway.url}/v1/event-types/${EnterpriseRegisteredV1.type}`);
    expect(one.status).toBe(200);
    expect(await one.json()).toMatchObject({
      type: EnterpriseRegisteredV1.type,
      owner: 'SPJ',
      topic: EnterpriseRegisteredV1.topic,
      key: 'uscc',
      limits: { identifierLength: 256, source: 512, dataDepth: 16, dataStringLength: 4096 },
    });

    const unknown = await fetch(`${gateway.url}/v1/event-types/zone.approval.enterprise.vanished.v1`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({
      type: 'urn:hub:problem:unknown-event-type',
      errors: [{ field: 'type', rule: 'registered' }],
    });

    const malformed = await fetch(`${gateway.url}/v1/event-types/not-a-type`);
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { errors: unknown[] }).errors).toContainEqual(
      expect.objectContaining({ field: 'type', rule: 'matches' }),
    );
  });

  it('serves the OpenAPI document and its UI at /docs', async () => {
    const ui = await fetch(`${gateway.url}/docs`);
    expect(ui.status).toBe(200);
    const html = await ui.text();
    expect(html).toMatch(/swagger/i);
    // The UI's own scripts are served too (from swagger-ui-dist), so the page works without the internet.
    const scripts = [...html.matchAll(/<script src="([^"]+)"/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect((await fetch(new URL(script, `${gateway.url}/docs`))).status).toBe(200);

    const document = (await (await fetch(`${gateway.url}/docs/openapi.json`)).json()) as {
      openapi: string;
      paths: Record<
        string,
        Record<
          string,
          { parameters?: { name: string; in: string }[]; responses: Record<string, unknown>; security?: unknown }
        >
      >;
      components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
    };
    expect(document.openapi).toMatch(/^3\./);
    const list = document.paths['/v1/event-types']?.get;
    expect(list?.parameters).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'owner', in: 'query' }),
        expect.objectContaining({ name: 'topic', in: 'query' }),
      ]),
    );
    expect(list?.security).toBeUndefined();
    expect(Object.keys(list?.responses ?? {})).toEqual(expect.arrayContaining(['200', '400']));
    expect(document.paths['/v1/event-types/{type}']?.get?.parameters).toEqual([
      expect.objectContaining({ name: 'type', in: 'path', required: true }),
    ]);
    expect(document.components.schemas).toHaveProperty('EnterpriseRegisteredV1Data');
    expect(document.components.schemas).toHaveProperty('EnterpriseRegisteredV1Event');
    // The limits, in the schemas and in words.
    expect(document.components.schemas['EnterpriseRegisteredV1Event']).toMatchObject({
      properties: {
        id: { maxLength: 256 },
        source: { maxLength: 512 },
        data: { description: expect.stringMatching(/16 levels/) },
      },
    });
    expect((document as unknown as { info: { description: string } }).info.description).toMatch(
      /at most 256 characters/,
    );
    expect(document.components.securitySchemes).toHaveProperty('HubHmacSha256');

    const single = document.paths['/v1/events']?.post as unknown as {
      requestBody: { content: Record<string, unknown> };
      responses: Record<string, unknown>;
      security: unknown;
    };
    expect(Object.keys(single.requestBody.content)).toEqual(['application/cloudevents+json', 'application/json']);
    expect(Object.keys(single.responses)).toEqual(
      expect.arrayContaining(['202', '400', '401', '403', '409', '413', '415', '429', '503']),
    );
    expect(single.security).toEqual([{ HubHmacSha256: [] }]);
    const batch = document.paths['/v1/events:batch']?.post;
    expect(Object.keys(batch?.responses ?? {})).toEqual(expect.arrayContaining(['202', '207', '413']));
    expect(batch?.responses).not.toHaveProperty('201');
    const register = document.paths['/v1/admin/systems']?.post as unknown as { requestBody: unknown };
    expect(register.requestBody).toEqual({
      required: true,
      content: { 'application/json': { schema: { $ref: '#/components/schemas/RegisterSystemDto' } } },
    });
    expect(document.components.schemas['RegisterSystemDto']).toMatchObject({
      properties: { department: expect.any(Object), name: { pattern: expect.any(String) } },
      required: expect.arrayContaining(['department', 'name']),
    });
    expect(document.paths['/health/live']?.get?.responses).not.toHaveProperty('400');
    const create = document.paths['/v1/subscriptions']?.post;
    expect(create?.responses).not.toHaveProperty('200');
    expect(create?.responses['201']).toEqual(
      expect.objectContaining({
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Subscription' } } },
      }),
    );
    expect(document.paths['/v1/subscriptions/{id}/replay']?.post?.responses).toHaveProperty('202');
    expect(document.paths['/v1/subscriptions/{id}/deliveries']?.get?.parameters).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'status', in: 'query' })]),
    );
    const fate = document.paths['/v1/events/{id}']?.get;
    expect(fate?.parameters).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'id', in: 'path', required: true }),
        expect.objectContaining({ name: 'source', in: 'query' }),
      ]),
    );
    expect(Object.keys(fate?.responses ?? {})).toEqual(expect.arrayContaining(['200', '401', '404', '409']));
    expect(document.paths['/v1/dead-letters']?.get?.parameters).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'since', in: 'query' })]),
    );

    const yaml = await fetch(`${gateway.url}/docs/openapi.yaml`);
    expect(yaml.status).toBe(200);
    expect(await yaml.text()).toContain('/v1/event-types');
  });
});
