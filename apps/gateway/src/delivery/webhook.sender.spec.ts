import { AddressInfo, Server as TcpServer, Socket, createServer as createTcpServer } from 'node:net';
import { IncomingMessage, Server, ServerResponse, createServer } from 'node:http';
import { networkInterfaces } from 'node:os';
import { verifyWebhook } from '@hub/auth';
import { testGatewayEnv } from '../gateway-env.fixture';
import { HostResolver } from './host-resolver';
import { ScriptedResolver } from './host-resolver.fixture';
import { WebhookSender } from './webhook.sender';
import { WebhookTargetPolicy } from './webhook-target.policy';

const senderOf = (variables: Record<string, string>, resolver: HostResolver = new HostResolver()) =>
  new WebhookSender(new WebhookTargetPolicy(testGatewayEnv(variables), resolver));

describe('WebhookSender', () => {
  let server: Server;
  let url: string;
  let handle: (request: IncomingMessage, body: string, response: ServerResponse) => void;
  const sender = senderOf({ DELIVERY_ALLOW_INSECURE_TARGETS: 'true' });
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
    const production = senderOf({ NODE_ENV: 'production' });
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

  it('connects to the address it checked, under the name of the URL', async () => {
    let host: string | undefined;
    handle = (request, _body, response) => {
      host = request.headers.host;
      response.writeHead(204).end();
    };
    // The system resolver knows no `.test` name (RFC 2606): only the checked address can take the call anywhere.
    const resolver = new ScriptedResolver(async () => [{ address: '127.0.0.1', family: 4 }]);
    const named = senderOf({ DELIVERY_ALLOW_INSECURE_TARGETS: 'true' }, resolver);
    const port = (server.address() as AddressInfo).port;
    const outcome = await named.send({
      url: `http://receiver.scjg.test:${port}/hook`,
      secret: 's',
      deliveryId: 'd',
      body: Buffer.from('{}'),
      timeoutMs: 2_000,
    });
    expect(outcome).toEqual({ ok: true, statusCode: 204 });
    expect(host).toBe(`receiver.scjg.test:${port}`);
    expect(resolver.asked).toEqual(['receiver.scjg.test']);
  });

  it('is not taken elsewhere by a name that resolves differently after the check', async () => {
    let calls = 0;
    handle = (_request, _body, response) => {
      calls += 1;
      response.writeHead(204).end();
    };
    // Checked on the receiver's address; any later lookup would point at the cloud's metadata service.
    const resolver = new ScriptedResolver(async (n) => [
      n === 0 ? { address: '127.0.0.1', family: 4 } : { address: '169.254.169.254', family: 4 },
    ]);
    const rebinding = senderOf({ DELIVERY_ALLOW_INSECURE_TARGETS: 'true' }, resolver);
    const port = (server.address() as AddressInfo).port;
    const outcome = await rebinding.send({
      url: `http://rebind.scjg.test:${port}/hook`,
      secret: 's',
      deliveryId: 'd',
      body: Buffer.from('{}'),
      timeoutMs: 2_000,
    });
    expect(outcome).toEqual({ ok: true, statusCode: 204 });
    expect(calls).toBe(1);
    expect(resolver.asked).toHaveLength(1);
  });

  it('does not call a target whose name does not resolve', async () => {
    const resolver = new ScriptedResolver(() =>
      Promise.reject(Object.assign(new Error('getaddrinfo EAI_AGAIN gone.scjg.test'), { code: 'EAI_AGAIN' })),
    );
    const outcome = await senderOf({}, resolver).send({
      url: 'http://gone.scjg.test/hook',
      secret: 's',
      deliveryId: 'd',
      body: Buffer.from('{}'),
      timeoutMs: 2_000,
    });
    expect(outcome).toEqual({
      ok: false,
      statusCode: null,
      error: "not sent: webhookUrl's host gone.scjg.test does not resolve (EAI_AGAIN)",
    });
  });
});

describe('WebhookSender in production, against a name re-pointed at the gateway between check and connect', () => {
  // A real address of this machine that is not loopback: production lets it receive, and 127.0.0.1 it refuses.
  const external = Object.values(networkInterfaces())
    .flat()
    .find((i) => i !== undefined && i.family === 'IPv4' && !i.internal)?.address;
  const servers: TcpServer[] = [];
  const listen = async (address: string, port: number, seen: Socket[]): Promise<number> => {
    const tcp = createTcpServer((socket) => {
      seen.push(socket);
      socket.destroy();
    });
    servers.push(tcp);
    await new Promise<void>((resolve, reject) => tcp.once('error', reject).listen(port, address, resolve));
    return (tcp.address() as AddressInfo).port;
  };

  afterAll(async () => {
    for (const tcp of servers) await new Promise((resolve) => tcp.close(resolve));
  });

  it('connects to the checked address, never to 127.0.0.1', async () => {
    expect(external).toBeDefined(); // the test needs a network interface besides loopback
    const atReceiver: Socket[] = [];
    const atGateway: Socket[] = [];
    const port = await listen(external!, 0, atReceiver);
    await listen('127.0.0.1', port, atGateway);
    const resolver = new ScriptedResolver(async (n) => [
      n === 0 ? { address: external!, family: 4 } : { address: '127.0.0.1', family: 4 },
    ]);
    const outcome = await senderOf({ NODE_ENV: 'production' }, resolver).send({
      url: `https://hooks.scjg.test:${port}/hook`,
      secret: 's',
      deliveryId: 'd',
      body: Buffer.from('{}'),
      timeoutMs: 2_000,
    });
    // The receiver here speaks no TLS: the call fails, but where it went is what counts.
    expect(outcome).toMatchObject({ ok: false, statusCode: null });
    expect(atReceiver).toHaveLength(1);
    expect(atGateway).toHaveLength(0);
    expect(resolver.asked).toEqual(['hooks.scjg.test']);
  });
});
