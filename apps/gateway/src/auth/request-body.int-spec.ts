import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { randomNonce, signRequest, unixSeconds } from '@hub/auth';
import { demoEnterprises, enterpriseRegisteredEvent } from '@hub/demo';
import { RunningHubApp, startHubApp } from '@hub/platform';
import { IsolatedEnv, isolatedEnv } from '@hub/testing';
import { gatewayApp } from '../gateway.app';
import { toGatewayEnv } from '../gateway.env';
import { SigningKey, signedFetch } from './signed-fetch';

const ADMIN: SigningKey = { accessKeyId: 'AKBODYADMIN', secret: 'body-admin-secret-0123456789abcdef' };
const STRUCTURED = 'application/cloudevents+json; charset=UTF-8';
const EVENT_LIMIT = 8_192;

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * One request with its headers sent at once and its body as the test says: none of it (the gateway must answer from
 * the headers alone, or the request times out), or `chunks` sent without a Content-Length. Rejects after `timeoutMs`
 * without an answer.
 */
function rawRequest(
  baseUrl: string,
  options: { path: string; headers: Record<string, string>; chunks?: Buffer[]; timeoutMs?: number },
): Promise<RawAnswer> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        method: 'POST',
        path: options.path,
        headers: options.headers,
        agent: false,
      },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
        response.on('error', reject);
      },
    );
    request.setTimeout(options.timeoutMs ?? 10_000, () =>
      request.destroy(new Error('no answer: the gateway waited for the body')),
    );
    request.on('error', reject);
    request.flushHeaders();
    for (const chunk of options.chunks ?? []) request.write(chunk);
    if (options.chunks) request.end();
  });
}

/**
 * Bodies at the gateway: one limit per route, whatever spelling of its path reached it; a declared length over it
 * refused before anything is read; an unsigned request refused before its body is read; a body without a length
 * counted as it comes; no Content-Encoding on any route.
 */
describe('request bodies at the gateway', () => {
  let iso: IsolatedEnv;
  let hub: RunningHubApp;
  let key: SigningKey;

  const event = () => ({
    ...enterpriseRegisteredEvent(demoEnterprises(1, 700_000)[0], randomUUID()),
    source: '/departments/SPJ/systems/registration',
  });

  beforeAll(async () => {
    iso = await isolatedEnv();
    hub = await startHubApp(
      gatewayApp,
      toGatewayEnv(iso.env, {
        HUB_ADMIN_ACCESS_KEY_ID: ADMIN.accessKeyId,
        HUB_ADMIN_SECRET: ADMIN.secret,
        GATEWAY_MAX_EVENT_BYTES: String(EVENT_LIMIT),
        GATEWAY_MAX_BATCH_BYTES: '65536',
        GATEWAY_MAX_REQUEST_BYTES: '4096',
      }),
    );
    const registered = await signedFetch(hub.url, '/v1/admin/systems', ADMIN, {
      body: JSON.stringify({ department: 'SPJ', name: 'registration' }),
    });
    expect(registered.status).toBe(201);
    key = ((await registered.json()) as { credential: SigningKey }).credential;
  });

  afterAll(async () => {
    await hub?.close();
    await iso?.dispose();
  });

  it("holds every spelling of the single event's path to its limit", async () => {
    const big = JSON.stringify({ ...event(), bulk: 'x'.repeat(EVENT_LIMIT) });
    for (const target of ['/v1/events', '/v1/events/', '/V1/EVENTS', '/v1/Events/', '/v1/events?via=query']) {
      const response = await signedFetch(hub.url, target, key, {
        body: big,
        headers: { 'content-type': STRUCTURED },
      });
      expect({ target, status: response.status }).toEqual({ target, status: 413 });
      expect(await response.json()).toMatchObject({
        type: 'urn:hub:problem:payload-too-large',
        errors: [{ field: 'body', rule: 'maxBytes', message: `the body must be at most ${EVENT_LIMIT} bytes` }],
      });
    }
    // Within the limit, every spelling is the same route.
    const small = await signedFetch(hub.url, '/v1/events/', key, {
      body: JSON.stringify(event()),
      headers: { 'content-type': STRUCTURED },
    });
    expect(small.status).toBe(202);
  });

  it('refuses a declared length over the limit from the headers alone, on any route', async () => {
    for (const path of ['/v1/events', '/v1/events/', '/v1/admin/systems', '/v1/subscriptions', '/nowhere']) {
      const length = path === '/nowhere' ? 65_537 : EVENT_LIMIT + 1;
      const answer = await rawRequest(hub.url, {
        path,
        headers: { 'content-type': STRUCTURED, 'content-length': String(length), authorization: 'x' },
      });
      expect({ path, status: answer.status }).toEqual({ path, status: 413 });
      expect(answer.headers.connection).toBe('close');
    }
  });

  it('refuses an unsigned or badly signed request before reading its body', async () => {
    const headers = { 'content-type': STRUCTURED, 'content-length': '4000' };
    const unsigned = await rawRequest(hub.url, { path: '/v1/events:batch', headers });
    expect(unsigned.status).toBe(401);
    expect(JSON.parse(unsigned.body)).toMatchObject({ type: 'urn:hub:problem:missing-signature' });
    const stale = signRequest({
      ...key,
      method: 'POST',
      path: '/v1/events',
      body: '',
      timestamp: unixSeconds() - 3_600,
      nonce: randomNonce(),
    });
    const late = await rawRequest(hub.url, { path: '/v1/events', headers: { ...headers, authorization: stale } });
    expect(late.status).toBe(401);
    expect(JSON.parse(late.body)).toMatchObject({ type: 'urn:hub:problem:stale-timestamp' });
  });

  it('counts a body sent without a length as it comes, and cuts it at the limit', async () => {
    const authorization = signRequest({
      ...key,
      method: 'POST',
      path: '/v1/events',
      body: '',
      timestamp: unixSeconds(),
      nonce: randomNonce(),
    });
    const chunk = Buffer.alloc(1_024, 0x20);
    const answer = await rawRequest(hub.url, {
      path: '/v1/events',
      headers: { 'content-type': STRUCTURED, 'transfer-encoding': 'chunked', authorization },
      chunks: Array.from({ length: 2 * (EVENT_LIMIT / 1_024) }, () => chunk),
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({ type: 'urn:hub:problem:payload-too-large' });
  });

  it('refuses a Content-Encoding on every route, and keeps the other routes to GATEWAY_MAX_REQUEST_BYTES', async () => {
    for (const target of ['/v1/events', '/v1/admin/systems']) {
      const response = await signedFetch(hub.url, target, key, {
        body: JSON.stringify({ department: 'SPJ', name: 'x' }),
        headers: { 'content-encoding': 'gzip' },
      });
      expect({ target, status: response.status }).toEqual({ target, status: 415 });
      expect(await response.json()).toMatchObject({ errors: [{ field: 'content-encoding', rule: 'identity' }] });
    }
    const large = await signedFetch(hub.url, '/v1/admin/systems', ADMIN, {
      body: JSON.stringify({ department: 'SPJ', name: 'large', description: 'x'.repeat(5_000) }),
    });
    expect(large.status).toBe(413);
    // A JSON body within the limit still reaches its handler parsed, and a broken one is named.
    const ok = await signedFetch(hub.url, '/v1/admin/systems', ADMIN, {
      body: JSON.stringify({ department: 'SCJG', name: 'supervision' }),
    });
    expect(ok.status).toBe(201);
    const broken = await signedFetch(hub.url, '/v1/admin/systems', ADMIN, { body: '{"department":' });
    expect(broken.status).toBe(400);
    expect(await broken.json()).toMatchObject({ errors: [{ field: 'body', rule: 'json' }] });
  });
});
