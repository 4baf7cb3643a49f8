import { randomUUID } from 'node:crypto';
import { randomNonce, rfc3986Encode, signRequest, unixSeconds } from '@hub/auth';
import { toBinaryRequest } from './binary-mode';
import { HubConnectionError, HubError } from './hub-error';
import type {
  BatchItemResult,
  BatchResult,
  CloudEventInput,
  Delivery,
  Entitlement,
  EventDeadLetter,
  EventStatus,
  EventTypeInfo,
  ProblemDetails,
  Query,
  Receipt,
  ReplayResult,
  SentCloudEvent,
  Subscription,
  SubscriptionChange,
  SubscriptionInput,
} from './wire-types';

export interface HubClientOptions {
  /** The gateway's base URL, e.g. `http://127.0.0.1:3000`. */
  url: string;
  /** The access key id the hub issued to this system. */
  accessKeyId: string;
  secret: string;
  /** Give up on a request after this long (default 30 s). */
  timeoutMs?: number;
  /**
   * Send a request again this many times when the hub answers 429 or 503 or cannot be reached (default 0). Each
   * attempt is signed afresh; a published event keeps its id, so the hub never takes it twice.
   */
  retries?: number;
}

interface Answer {
  status: number;
  headers: Headers;
  body: unknown;
}

export interface RequestOptions {
  query?: Query;
  /** Sent as JSON unless a string or bytes. */
  body?: unknown;
  headers?: Record<string, string>;
}

export type ContentMode = 'structured' | 'binary';

const STRUCTURED = 'application/cloudevents+json; charset=UTF-8';
const BATCH = 'application/cloudevents-batch+json; charset=UTF-8';
const MAX_RETRY_WAIT_MS = 30_000;
/** Set by the gateway on a 202 that answers a duplicate with the original receipt. */
const DUPLICATE_HEADER = 'hub-duplicate';

/**
 * A department system's client of the hub's gateway: every request signed with HUB-HMAC-SHA256
 * (shared/spec/HTTP-SIGNING.md), every refusal thrown as a {@link HubError} carrying the problem details.
 *
 * ```ts
 * const hub = new HubClient({ url: 'http://127.0.0.1:3000', accessKeyId, secret });
 * const receipt = await hub.publish({ source: '/departments/SPJ/systems/approval', type, subject, department: 'SPJ', data });
 * ```
 */
export class HubClient {
  private readonly base: URL;

  constructor(private readonly options: HubClientOptions) {
    if (!options.accessKeyId || !options.secret) throw new TypeError('HubClient needs an accessKeyId and a secret');
    this.base = new URL(options.url.endsWith('/') ? options.url : `${options.url}/`);
  }

  /**
   * Publishes one event; resolves with its receipt once the hub has committed it. Sending the same `source` + `id`
   * again resolves with the original receipt, marked `duplicate`.
   */
  async publish<T>(event: CloudEventInput<T>, mode: ContentMode = 'structured'): Promise<Receipt> {
    const sent = complete(event);
    const request =
      mode === 'binary'
        ? toBinaryRequest(sent)
        : { body: JSON.stringify(sent), headers: { 'content-type': STRUCTURED } };
    const answer = await this.send('POST', '/v1/events', request);
    return { ...(answer.body as Receipt), duplicate: answer.headers.get(DUPLICATE_HEADER) === 'true' };
  }

  /**
   * Publishes up to 500 events in one request. The hub answers per event: accepted ones carry their receipt,
   * refused ones their problem; a request refused as a whole (signature, size, media type) throws.
   */
  async publishBatch(events: readonly CloudEventInput[]): Promise<BatchResult> {
    const body = JSON.stringify(events.map(complete));
    const { status, body: answer } = await this.send('POST', '/v1/events:batch', {
      body,
      headers: { 'content-type': BATCH },
    });
    return { status, results: batchResults(answer), body: answer };
  }

  /** Fills in `specversion`, `id` and `time` as {@link publish} would, so that a caller can keep the id it will send. */
  static complete<T>(event: CloudEventInput<T>): SentCloudEvent<T> {
    return complete(event);
  }

  /** Subscribes the credential's department; a webhook subscription's answer carries its `webhookSecret`, once. */
  createSubscription(subscription: SubscriptionInput): Promise<Subscription> {
    return this.request<Subscription>('POST', '/v1/subscriptions', { body: subscription });
  }

  listSubscriptions(query?: Query): Promise<Subscription[]> {
    return this.request<Subscription[]>('GET', '/v1/subscriptions', { query });
  }

  getSubscription(id: string): Promise<Subscription> {
    return this.request<Subscription>('GET', `/v1/subscriptions/${encodeURIComponent(id)}`);
  }

  updateSubscription(id: string, change: SubscriptionChange): Promise<Subscription> {
    return this.request<Subscription>('PATCH', `/v1/subscriptions/${encodeURIComponent(id)}`, { body: change });
  }

  async deleteSubscription(id: string): Promise<void> {
    await this.request<unknown>('DELETE', `/v1/subscriptions/${encodeURIComponent(id)}`);
  }

  /** Sends again every kept event of the subscription's types recorded since then, never from before their grant. */
  replay(subscriptionId: string, since: string | Date): Promise<ReplayResult> {
    const at = since instanceof Date ? since.toISOString() : since;
    return this.request<ReplayResult>('POST', `/v1/subscriptions/${encodeURIComponent(subscriptionId)}/replay`, {
      body: { since: at },
    });
  }

  /** The event types the credential's department may subscribe to. */
  entitlements(): Promise<Entitlement[]> {
    return this.request<Entitlement[]>('GET', '/v1/entitlements');
  }

  /** The subscription's deliveries, newest first (`status`: pending, failed, delivered; `limit`; `before`). */
  deliveries(subscriptionId: string, query?: Query): Promise<Delivery[]> {
    return this.request<Delivery[]>('GET', `/v1/subscriptions/${encodeURIComponent(subscriptionId)}/deliveries`, {
      query,
    });
  }

  /**
   * What the hub did with one of the department's events, by its id: relayed or not, each consumer group's progress
   * past it, every dead letter with its reason. `source` only when the department used the id from two sources.
   */
  eventStatus(id: string, source?: string): Promise<EventStatus> {
    return this.request<EventStatus>('GET', `/v1/events/${encodeURIComponent(id)}`, { query: { source } });
  }

  /** The department's events' dead letters after `since` (default: the last 24 hours), oldest first. */
  deadLetters(query?: { since?: string | Date; limit?: number }): Promise<(EventDeadLetter & { id: string })[]> {
    const since = query?.since instanceof Date ? query.since.toISOString() : query?.since;
    return this.request<(EventDeadLetter & { id: string })[]>('GET', '/v1/dead-letters', {
      query: { since, limit: query?.limit },
    });
  }

  /** Who the hub takes these credentials for (department, system, access key): a check of key, secret and clock. */
  me(): Promise<Record<string, unknown>> {
    return this.request<Record<string, unknown>>('GET', '/v1/me');
  }

  eventTypes(query?: { owner?: string; topic?: string }): Promise<EventTypeInfo[]> {
    return this.request<EventTypeInfo[]>('GET', '/v1/event-types', { query });
  }

  eventType(type: string): Promise<EventTypeInfo> {
    return this.request<EventTypeInfo>('GET', `/v1/event-types/${encodeURIComponent(type)}`);
  }

  /** Any signed request to the gateway; resolves with the parsed JSON answer, throws {@link HubError} on 4xx/5xx. */
  async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const { body } = await this.send(method, path, options);
    return body as T;
  }

  private async send(method: string, path: string, options: RequestOptions): Promise<Answer> {
    const retries = this.options.retries ?? 0;
    let resent = false;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.sendOnce(method, path, options);
      } catch (error) {
        // A kept-alive connection the server had just closed as the request went out: no answer came, and an
        // idempotent request is sent again at once on a new connection, whatever `retries` says (browsers do so too).
        if (!resent && IDEMPOTENT.has(method.toUpperCase()) && isStaleConnection(error)) {
          resent = true;
          attempt--;
          continue;
        }
        const retryable = (error instanceof HubError || error instanceof HubConnectionError) && error.retryable;
        if (!retryable || attempt >= retries) throw error;
        const hinted =
          error instanceof HubError && error.retryAfterSeconds !== undefined
            ? error.retryAfterSeconds * 1000
            : undefined;
        await sleep(Math.min(hinted ?? 200 * 2 ** attempt, MAX_RETRY_WAIT_MS));
      }
    }
  }

  private async sendOnce(method: string, path: string, options: RequestOptions): Promise<Answer> {
    const url = new URL(path.replace(/^\//, ''), this.base);
    const queryString = encodeQuery(options.query);
    url.search = queryString;
    const headers: Record<string, string> = {
      accept: 'application/json, application/problem+json',
      ...options.headers,
    };
    let body: Buffer<ArrayBuffer> | undefined;
    if (options.body !== undefined) {
      if (typeof options.body === 'string') body = Buffer.from(options.body, 'utf8');
      else if (options.body instanceof Uint8Array) body = Buffer.from(options.body);
      else {
        body = Buffer.from(JSON.stringify(options.body), 'utf8');
        headers['content-type'] ??= 'application/json';
      }
    }
    headers['authorization'] = signRequest({
      accessKeyId: this.options.accessKeyId,
      secret: this.options.secret,
      method,
      path: url.pathname,
      query: queryString,
      body,
      timestamp: unixSeconds(),
      nonce: randomNonce(),
    });
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers,
        body,
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000),
      });
    } catch (error) {
      throw new HubConnectionError(`${method} ${url.href} failed: ${(error as Error).message}`, { cause: error });
    }
    const text = await response.text();
    const parsed = parseJson(text);
    if (response.status >= 400)
      throw new HubError(response.status, asProblem(response, parsed, text), retryAfter(response));
    return { status: response.status, headers: response.headers, body: parsed ?? (text === '' ? undefined : text) };
  }
}

const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

/** undici's "other side closed" (or a reset) before any answer: the server closed an idle pooled connection. */
function isStaleConnection(error: unknown): boolean {
  if (!(error instanceof HubConnectionError)) return false;
  const cause = (error.cause as { cause?: { code?: unknown } } | undefined)?.cause;
  return cause?.code === 'UND_ERR_SOCKET' || cause?.code === 'ECONNRESET';
}

function complete<T>(event: CloudEventInput<T>): SentCloudEvent<T> {
  return { ...event, specversion: '1.0', id: event.id ?? randomUUID(), time: event.time ?? new Date().toISOString() };
}

/** `name=value` pairs in the given order, each percent-encoded per RFC 3986 (the signature sorts them itself). */
function encodeQuery(query: Query | undefined): string {
  if (!query) return '';
  const pairs: string[] = [];
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined) continue;
    const values = Array.isArray(value) ? value : [value];
    for (const v of values) pairs.push(`${rfc3986Encode(name)}=${rfc3986Encode(String(v))}`);
  }
  return pairs.join('&');
}

/** Reads a batch answer: a list of per-event results, or `{ results: [...] }`, each with a receipt or a problem. */
function batchResults(answer: unknown): BatchItemResult[] {
  const list = Array.isArray(answer)
    ? answer
    : isObject(answer) && Array.isArray(answer['results'])
      ? answer['results']
      : [];
  return list.map((item: unknown, index): BatchItemResult => {
    const entry = isObject(item) ? item : {};
    const at = typeof entry['index'] === 'number' ? entry['index'] : index;
    const problem =
      entry['problem'] ?? (typeof entry['status'] === 'number' && entry['status'] >= 400 ? entry : undefined);
    if (isObject(problem)) return { index: at, ok: false, problem: problem as unknown as ProblemDetails };
    const receipt = (isObject(entry['receipt']) ? entry['receipt'] : entry) as Receipt;
    return { index: at, ok: true, receipt: { ...receipt, duplicate: entry['duplicate'] === true } };
  });
}

function asProblem(response: Response, parsed: unknown, text: string): ProblemDetails {
  if (isObject(parsed) && typeof parsed['type'] === 'string') return parsed as unknown as ProblemDetails;
  return {
    type: 'about:blank',
    title: response.statusText || 'error',
    status: response.status,
    detail: text.slice(0, 500) || undefined,
  };
}

function retryAfter(response: Response): number | undefined {
  const value = response.headers.get('retry-after');
  if (value === null) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
