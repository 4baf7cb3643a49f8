import { Injectable } from '@nestjs/common';
import { webhookRequestHeaders } from '@hub/auth';
import { STRUCTURED_CONTENT_TYPE } from '@hub/contracts';
import { WebhookTargetPolicy } from './webhook-target.policy';

export interface WebhookCall {
  url: string;
  secret: string;
  /** `Hub-Delivery-Id`: the same on every attempt of one delivery, so that the receiver can de-duplicate. */
  deliveryId: string;
  /** The structured-mode CloudEvent, sent and signed byte for byte. */
  body: Buffer;
  timeoutMs: number;
}

export type WebhookOutcome = { ok: true; statusCode: number } | { ok: false; statusCode: number | null; error: string };

/** How much of a refusing receiver's answer is kept as the delivery's last error. */
const ERROR_TEXT_BYTES = 500;

/**
 * Sends one webhook delivery signed per spec/HTTP-SIGNING.md ("Webhooks"); only a 2xx answer counts. The target is
 * checked against the policy first, as its name resolves now; a refused one fails the attempt like a dead receiver.
 */
@Injectable()
export class WebhookSender {
  constructor(private readonly targets: WebhookTargetPolicy) {}

  async send(call: WebhookCall): Promise<WebhookOutcome> {
    const [refused] = await this.targets.refusals(call.url);
    if (refused) return { ok: false, statusCode: null, error: `not sent: ${refused.message}` };
    const headers = {
      'Content-Type': STRUCTURED_CONTENT_TYPE,
      'User-Agent': 'chengde-hub-gateway',
      ...webhookRequestHeaders({ secret: call.secret, deliveryId: call.deliveryId, body: call.body }),
    };
    try {
      const response = await fetch(call.url, {
        method: 'POST',
        headers,
        body: call.body,
        // A redirect is not an answer: following it would send the event (and its signature) somewhere unchecked.
        redirect: 'manual',
        signal: AbortSignal.timeout(call.timeoutMs),
      });
      if (response.status >= 200 && response.status < 300) {
        await response.body?.cancel();
        return { ok: true, statusCode: response.status };
      }
      const text = await readPrefix(response, ERROR_TEXT_BYTES);
      return { ok: false, statusCode: response.status, error: `HTTP ${response.status}${text ? `: ${text}` : ''}` };
    } catch (error) {
      return { ok: false, statusCode: null, error: describe(error, call.timeoutMs) };
    }
  }
}

async function readPrefix(response: Response, bytes: number): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let length = 0;
  try {
    while (length < bytes) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      length += value.length;
    }
  } catch {
    // the answer broke off: what arrived is enough to describe it
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return Buffer.concat(chunks).subarray(0, bytes).toString('utf8').replace(/\s+/g, ' ').trim();
}

// Duck-typed rather than instanceof: fetch's errors may come from another realm than this module's Error.
function describe(error: unknown, timeoutMs: number): string {
  const { name, message, cause } = (error ?? {}) as { name?: unknown; message?: unknown; cause?: unknown };
  if (name === 'TimeoutError') return `no answer within ${timeoutMs} ms`;
  if (typeof message !== 'string') return String(error);
  const { code, message: causeMessage } = (cause ?? {}) as { code?: unknown; message?: unknown };
  const detail = typeof code === 'string' ? code : typeof causeMessage === 'string' ? causeMessage : '';
  return detail ? `${message}: ${detail}` : message;
}
