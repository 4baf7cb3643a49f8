import { AddressInfo } from 'node:net';
import { IncomingMessage, Server, ServerResponse, createServer } from 'node:http';
import { verifyWebhook } from '@hub/auth';
import { testGatewayEnv } from '../gateway-env.fixture';
import { WebhookSender } from './webhook.sender';
import { WebhookTargetPolicy } from './webhook-target.policy';

describe('WebhookSender', () => {
  let server: Server;
  let url: string;
  let handle: (request: IncomingMessage, body: string, response: ServerResponse) => void;
  const sender = new WebhookSender(
    new WebhookTargetPolicy(testGatewayEnv({ DELIVERY_ALLOW_INSECURE_TARGETS: 'true' })),
  );
  const call = (path = '/hook', timeoutMs = 2_000) =>
    sender.send({
      url: `${url}${path}`,
      secret: 'whsec_test-secret-0123456789abcdef',
      deliveryId: 'a2f9e3c0-4d7e-4c47-9b3a-0d1f7c1f2e11',
      body: Buffer.from('{"specversion":"1.0","id":"evt-1"}'),
      timeoutMs,
    });

  beforeAll(async () => {
    server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (c: Buffer) => chunks.push(c));
      request.on('end', () => handle(request, Buffer.concat(chunks).toString('utf8'), response));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('posts the structured event, signed per the spec', async () => {
    let seen: { headers: IncomingMessage['headers']; body: string } | undefined;
    handle = (request, body, response) => {
      seen = { headers: request.headers, body };
      response.writeHead(204).end();
    };
    expect(await call()).toEqual({ ok: true, statusCode: 204 });
    expect(seen!.body).toBe('{"specversion":"1.0","id":"evt-1"}');
    expect(seen!.headers['content-type']).toBe('application/cloudevents+json; charset=UTF-8');
    expect(seen!.headers['hub-delivery-id']).toBe('a2f9e3c0-4d7e-4c47-9b3a-0d1f7c1f2e11');
    const verified = verifyWebhook({
      secrets: ['whsec_test-secret-0123456789abcdef'],
      timestamp: seen!.headers['hub-timestamp'] as string,
      signature: seen!.headers['hub-signature'] as string,
      body: seen!.body,
    });
    expect(verified.ok).toBe(true);
  });

  it("reports a refusal with the receiver's words, cut short", async () => {
    handle = (_request, _body, response) => response.writeHead(422).end(`bad ${'x'.repeat(2_000)}`);
    const outcome = await call();
    expect(outcome).toMatchObject({ ok: false, statusCode: 422 });
    expect(!outcome.ok && outcome.error).toMatch(/^HTTP 422: bad x+$/);
    expect(!outcome.ok && outcome.error.length).toBeLessThan(520);
  });

  it('does not follow a redirect: it is not an answer', async () => {
    let redirected = false;
    handle = (request, _body, response) => {
      if (request.url === '/elsewhere') redirected = true;
      response.writeHead(307, { location: '/elsewhere' }).end();
    };
    expect(await call()).toMatchObject({ ok: false, statusCode: 307 });
    expect(redirected).toBe(false);
  });

  it('gives up on a receiver that does not answer in time', async () => {
    handle = () => undefined; // never answers
    expect(await call('/hook', 200)).toEqual({ ok: false, statusCode: null, error: 'no answer within 200 ms' });
  });

  it('names the network failure when nothing listens', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const outcome = await sender.send({
      url: `http://127.0.0.1:${port}/hook`,
      secret: 's',
      deliveryId: 'd',
      body: Buffer.from('{}'),
      timeoutMs: 2_000,
    });
    expect(outcome).toMatchObject({ ok: false, statusCode: null });
    expect(!outcome.ok && outcome.error).toMatch(/ECONNREFUSED/);
  });

  it('does not call a target the policy refuses, and says why', async () => {
    let called = false;
    handle = (_request, _body, response) => {
      called = true;
      response.writeHead(204).end();
    };
    const production = new WebhookSender(new WebhookTargetPolicy(testGatewayEnv({ NODE_ENV: 'production' })));
    const outcome = await production.send({
      url: `${url}/hook`,
      secret: 's',
      deliveryId: 'd',
      body: Buffer.from('{}'),
      timeoutMs: 2_000,
    });
    expect(outcome).toEqual({ ok: false, statusCode: null, error: 'not sent: webhookUrl must use https' });
    expect(called).toBe(false);
  });
});
