import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { parseAuthorization, verifyRequestSignature } from '@hub/auth';
import { HubClient } from './hub-client';
import { HubConnectionError, HubError } from './hub-error';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
}
/** `drop` closes the connection without answering, as a server closing an idle kept-alive one does. */
type Answer = { status: number; body?: unknown; headers?: Record<string, string>; drop?: boolean };

const SECRET = 'sdk-test-secret-0001';

/** A real HTTP server on loopback that records what the client sent and answers from a script. */
describe('HubClient', () => {
  let server: Server;
  let url: string;
  let seen: Seen[];
  let answers: Answer[];

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        seen.push({ method: req.method!, url: req.url!, headers: req.headers, body: Buffer.concat(chunks) });
        const answer = answers.shift() ?? { status: 200, body: {} };
        if (answer.drop) return void req.socket.destroy();
        const json = answer.status >= 400 ? 'application/problem+json' : 'application/json';
        res.writeHead(answer.status, { 'content-type': json, ...answer.headers });
        res.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => {
    seen = [];
    answers = [];
  });

  const client = (options: Partial<ConstructorParameters<typeof HubClient>[0]> = {}) =>
    new HubClient({ url, accessKeyId: 'SPJ-approval-01', secret: SECRET, ...options });

  /** Checks the request's signature as the gateway does: over the path and query exactly as sent. */
  const verify = (request: Seen, secret = SECRET): boolean => {
    const parsed = parseAuthorization(request.headers.authorization);
    if (!parsed.ok) return false;
    const [path, query = ''] = request.url.split('?');
    return verifyRequestSignature(
      [secret],
      {
        method: request.method,
        path: path!,
        query,
        body: request.body,
        timestamp: parsed.authorization.timestamp,
        nonce: parsed.authorization.nonce,
      },
      parsed.authorization.signature,
    );
  };

  const event = {
    source: '/departments/SPJ/systems/approval',
    type: 'zone.approval.enterprise.registered.v1',
    subject: '91130871MA0CXQ123U',
    department: 'SPJ',
    data: { uscc: '91130871MA0CXQ123U', name: '承德高新区示例智能装备有限公司' },
  };

  it('sends an idempotent request again on a new connection when the server closed the one it went out on', async () => {
    answers.push({ status: 0, drop: true }, { status: 200, body: { department: 'SPJ' } });
    await expect(client().me()).resolves.toEqual({ department: 'SPJ' });
    expect(seen).toHaveLength(2);
    // A new signature (nonce) for the second sending: the first may have been seen.
    expect(seen[0]!.headers.authorization).not.toBe(seen[1]!.headers.authorization);
  });

  it('does not send a POST again by itself when its connection closes without an answer', async () => {
    answers.push({ status: 0, drop: true });
    await expect(client().request('POST', '/v1/admin/systems', { body: {} })).rejects.toBeInstanceOf(
      HubConnectionError,
    );
    expect(seen).toHaveLength(1);
  });

  it('publishes a structured event, signed, with specversion, id and time filled in', async () => {
    answers.push({
      status: 202,
      body: { hubId: 'h-1', topic: 'zone.approval.enterprise.v1', acceptedAt: '2026-11-27T08:00:00Z' },
    });
    const receipt = await client().publish(event);
    expect(receipt).toEqual({
      hubId: 'h-1',
      topic: 'zone.approval.enterprise.v1',
      acceptedAt: '2026-11-27T08:00:00Z',
      duplicate: false,
    });
    const [request] = seen;
    expect(request).toMatchObject({ method: 'POST', url: '/v1/events' });
    expect(request!.headers['content-type']).toBe('application/cloudevents+json; charset=UTF-8');
    expect(request!.headers.authorization).toMatch(
      /^HUB-HMAC-SHA256 Credential=SPJ-approval-01, Timestamp=\d+, Nonce=[\w-]{16,64}, Signature=[0-9a-f]{64}$/,
    );
    expect(verify(request!)).toBe(true);
    expect(verify(request!, 'another-secret')).toBe(false);
    const sent = JSON.parse(request!.body.toString('utf8')) as Record<string, unknown>;
    expect(sent).toMatchObject({ ...event, specversion: '1.0' });
    expect(sent['id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(Number.isNaN(Date.parse(String(sent['time'])))).toBe(false);
  });

  it('publishes in binary mode: attributes as ce- headers (percent-encoded), data as the JSON body', async () => {
    answers.push({ status: 202, body: { hubId: 'h-2', topic: 't', acceptedAt: 'x' } });
    await client().publish({ ...event, id: 'evt-binary-1', correlationid: '审管 "linkage" 100%' }, 'binary');
    const [request] = seen;
    expect(request!.headers).toMatchObject({
      'ce-specversion': '1.0',
      'ce-id': 'evt-binary-1',
      'ce-source': '/departments/SPJ/systems/approval',
      'ce-type': 'zone.approval.enterprise.registered.v1',
      'ce-department': 'SPJ',
      'ce-correlationid': '%E5%AE%A1%E7%AE%A1%20%22linkage%22%20100%25',
      'content-type': 'application/json',
    });
    expect(JSON.parse(request!.body.toString('utf8'))).toEqual(event.data);
    expect(verify(request!)).toBe(true);
  });

  it('marks the original receipt of a duplicate, from the Hub-Duplicate header', async () => {
    answers.push({
      status: 202,
      body: { hubId: 'h-9', topic: 't', acceptedAt: 'x' },
      headers: { 'hub-duplicate': 'true' },
    });
    expect(await client().publish({ ...event, id: 'evt-again' })).toMatchObject({ hubId: 'h-9', duplicate: true });
  });

  it('publishes a batch and reads the answer per event', async () => {
    answers.push({
      status: 207,
      body: {
        results: [
          { index: 0, status: 202, duplicate: true, receipt: { hubId: 'h-3', topic: 't', acceptedAt: 'x' } },
          {
            index: 1,
            status: 400,
            problem: { type: 'urn:hub:problem:invalid-event', title: 'bad request', status: 400 },
          },
        ],
      },
    });
    const result = await client().publishBatch([event, { ...event, id: 'evt-2' }]);
    expect(seen[0]).toMatchObject({ method: 'POST', url: '/v1/events:batch' });
    expect(seen[0]!.headers['content-type']).toBe('application/cloudevents-batch+json; charset=UTF-8');
    expect(verify(seen[0]!)).toBe(true);
    expect((JSON.parse(seen[0]!.body.toString()) as { id: string }[])[1]!.id).toBe('evt-2');
    expect(result.status).toBe(207);
    expect(result.results).toEqual([
      { index: 0, ok: true, receipt: { hubId: 'h-3', topic: 't', acceptedAt: 'x', duplicate: true } },
      { index: 1, ok: false, problem: { type: 'urn:hub:problem:invalid-event', title: 'bad request', status: 400 } },
    ]);
  });

  it('signs the query it sends, and encodes path segments', async () => {
    answers.push({ status: 200, body: [] });
    await client().deliveries('sub 1', { status: 'failed', limit: 50, since: '2026-11-27T08:00:00+08:00' });
    const [request] = seen;
    expect(request!.url).toBe(
      '/v1/subscriptions/sub%201/deliveries?status=failed&limit=50&since=2026-11-27T08%3A00%3A00%2B08%3A00',
    );
    expect(verify(request!)).toBe(true);
  });

  it('throws a HubError carrying the problem details, naming every field', async () => {
    const problem = {
      type: 'urn:hub:problem:invalid-event',
      title: 'bad request',
      status: 400,
      detail: 'the event is invalid',
      errors: [{ field: 'data.uscc', rule: 'usccChecksum', message: 'check character is wrong' }],
    };
    answers.push({ status: 400, body: problem });
    const error = (await client()
      .publish(event)
      .catch((e: unknown) => e)) as HubError;
    expect(error).toBeInstanceOf(HubError);
    expect(error.status).toBe(400);
    expect(error.problem).toEqual(problem);
    expect(error.problemType).toBe('invalid-event');
    expect(error.errors).toEqual(problem.errors);
    expect(error.retryable).toBe(false);
    expect(error.message).toContain('data.uscc (usccChecksum)');
  });

  it('reads Retry-After, and retries a retryable refusal with a fresh signature and the same event id', async () => {
    answers.push({
      status: 429,
      body: { type: 'urn:hub:problem:rate-limited', title: 'too many requests', status: 429 },
      headers: { 'retry-after': '0' },
    });
    answers.push({
      status: 503,
      body: { type: 'urn:hub:problem:unavailable', title: 'service unavailable', status: 503 },
    });
    answers.push({ status: 202, body: { hubId: 'h-4', topic: 't', acceptedAt: 'x' } });
    const receipt = await client({ retries: 2 }).publish({ ...event, id: 'evt-retry' });
    expect(receipt.hubId).toBe('h-4');
    expect(seen).toHaveLength(3);
    expect(new Set(seen.map((s) => s.headers.authorization)).size).toBe(3);
    expect(seen.map((s) => (JSON.parse(s.body.toString()) as { id: string }).id)).toEqual([
      'evt-retry',
      'evt-retry',
      'evt-retry',
    ]);
    expect(seen.every((s) => verify(s))).toBe(true);

    answers.push({
      status: 429,
      body: { type: 'urn:hub:problem:rate-limited', title: 'too many requests', status: 429 },
      headers: { 'retry-after': '7' },
    });
    const error = (await client()
      .publish(event)
      .catch((e: unknown) => e)) as HubError;
    expect(error.retryAfterSeconds).toBe(7);
    expect(error.retryable).toBe(true);
  });

  it('throws a HubConnectionError when the gateway cannot be reached', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await expect(client({ url: `http://127.0.0.1:${port}` }).eventTypes()).rejects.toBeInstanceOf(HubConnectionError);
  });

  it('keeps a base path of the gateway URL in what it signs', async () => {
    answers.push({ status: 200, body: [] });
    await client({ url: `${url}/hub/` }).eventTypes({ owner: 'SPJ' });
    expect(seen[0]!.url).toBe('/hub/v1/event-types?owner=SPJ');
    expect(verify(seen[0]!)).toBe(true);
  });
});
