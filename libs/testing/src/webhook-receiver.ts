import { AddressInfo } from 'node:net';
import { IncomingMessage, Server, ServerResponse, createServer } from 'node:http';
import { WebhookHeaders, verifyWebhook } from '@hub/auth';

export interface ReceivedWebhook {
  deliveryId: string;
  timestamp: string;
  signature: string;
  /** The raw body as sent. */
  body: string;
  /** The CloudEvent it carries (structured mode). */
  event: { id: string; source: string; type: string; subject?: string; [attribute: string]: unknown };
  /** The status the receiver answered. */
  status: number;
  /** Its signature checked out against one of the receiver's secrets, within 300 s. */
  verified: boolean;
}

/**
 * A department's webhook endpoint, as a real local HTTP server: it checks each delivery's signature with
 * libs/auth, answers what `respond` says (200 by default; 401 for a bad signature), and de-duplicates by
 * Hub-Delivery-Id as receivers should, so `accepted` holds each delivery once, in the order first accepted.
 */
export class WebhookReceiver {
  /** Every request, in arrival order (repeats included). */
  readonly requests: ReceivedWebhook[] = [];
  /** Deliveries answered 2xx, once each. */
  readonly accepted: ReceivedWebhook[] = [];
  /** Secrets the signatures may be made with (a subscription's secret is known once it exists). */
  readonly secrets: string[] = [];
  /** Decides the answer to the n-th request (from 0), before the signature is checked. */
  respond: (n: number, request: ReceivedWebhook) => number = () => 200;
  private readonly acceptedIds = new Set<string>();

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(path = '/hub/events'): Promise<WebhookReceiver> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const receiver = new WebhookReceiver(server, `http://127.0.0.1:${port}${path}`);
    server.on(
      'request',
      (request: IncomingMessage, response: ServerResponse) => void receiver.handle(request, response),
    );
    return receiver;
  }

  /** Accepted deliveries of one event id. */
  deliveriesOf(eventId: string): ReceivedWebhook[] {
    return this.accepted.filter((r) => r.event.id === eventId);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const header = (name: string): string => String(request.headers[name.toLowerCase()] ?? '');
    let event: ReceivedWebhook['event'];
    try {
      event = JSON.parse(body) as ReceivedWebhook['event'];
    } catch {
      event = { id: '', source: '', type: '' };
    }
    const received: ReceivedWebhook = {
      deliveryId: header(WebhookHeaders.deliveryId),
      timestamp: header(WebhookHeaders.timestamp),
      signature: header(WebhookHeaders.signature),
      body,
      event,
      status: 0,
      verified: false,
    };
    received.verified = verifyWebhook({
      secrets: this.secrets,
      timestamp: received.timestamp,
      signature: received.signature,
      body,
    }).ok;
    const wanted = this.respond(this.requests.length, received);
    received.status = received.verified || wanted >= 300 ? wanted : 401;
    this.requests.push(received);
    if (received.status < 300 && !this.acceptedIds.has(received.deliveryId)) {
      this.acceptedIds.add(received.deliveryId);
      this.accepted.push(received);
    }
    response.writeHead(received.status, { 'content-type': 'text/plain' }).end(received.status < 300 ? 'ok' : 'not now');
  }
}
