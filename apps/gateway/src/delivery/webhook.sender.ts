import { ClientRequest, IncomingMessage, request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { LookupFunction } from 'node:net';
import { Injectable } from '@nestjs/common';
import { webhookRequestHeaders } from '@hub/auth';
import { STRUCTURED_CONTENT_TYPE } from '@hub/contracts';
import { ResolvedAddress } from './host-resolver';
import { CheckedTarget, WebhookTargetPolicy } from './webhook-target.policy';

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

class CallTimeout extends Error {}

/**
 * Sends one webhook delivery signed per spec/HTTP-SIGNING.md ("Webhooks"); only a 2xx answer counts. The target is
 * checked against the policy first, its name resolved once; the connection goes to the addresses checked (the
 * request's `lookup` answers with them), so no second resolution can take it elsewhere. TLS still verifies the
 * certificate against the URL's host name. A refused target fails the attempt like a dead receiver. One connection
 * per call (no keep-alive pool): each is made to an address checked for that call.
 */
@Injectable()
export class WebhookSender {
  constructor(private readonly targets: WebhookTargetPolicy) {}

  async send(call: WebhookCall): Promise<WebhookOutcome> {
    const target = await this.targets.check(call.url);
    if (!target.ok) return { ok: false, statusCode: null, error: `not sent: ${target.refusal.message}` };
    return post(target, call, {
      'Content-Type': STRUCTURED_CONTENT_TYPE,
      'Content-Length': String(call.body.length),
      'User-Agent': 'chengde-hub-gateway',
      ...webhookRequestHeaders({ secret: call.secret, deliveryId: call.deliveryId, body: call.body }),
    });
  }
}

function post(target: CheckedTarget, call: WebhookCall, headers: Record<string, string>): Promise<WebhookOutcome> {
  const request = target.url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    let settled = false;
    const settle = (outcome: WebhookOutcome): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    // A redirect is not an answer, and node:http never follows one: the event (and its signature) goes nowhere unchecked.
    const req: ClientRequest = request(
      target.url,
      { method: 'POST', headers, agent: false, lookup: pinnedLookup(target.addresses) },
      (response) => {
        const statusCode = response.statusCode ?? 0;
        if (statusCode >= 200 && statusCode < 300) {
          response.destroy();
          settle({ ok: true, statusCode });
          return;
        }
        readPrefix(response, ERROR_TEXT_BYTES, (text) => {
          settle({ ok: false, statusCode, error: `HTTP ${statusCode}${text ? `: ${text}` : ''}` });
          req.destroy();
        });
      },
    );
    // Connect, send and the receiver's answer, all within the call's time.
    const timer = setTimeout(() => req.destroy(new CallTimeout()), call.timeoutMs);
    req.on('error', (error) => settle({ ok: false, statusCode: null, error: describe(error, call.timeoutMs) }));
    req.end(call.body);
  });
}

/** Answers every lookup of the connection with the addresses the policy checked, in the form asked for. */
function pinnedLookup(addresses: readonly ResolvedAddress[]): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) {
      callback(
        null,
        addresses.map(({ address, family }) => ({ address, family })),
      );
      return;
    }
    const chosen = addresses.find((a) => !options.family || a.family === options.family) ?? addresses[0];
    callback(null, chosen.address, chosen.family);
  };
}

function readPrefix(response: IncomingMessage, bytes: number, done: (text: string) => void): void {
  const chunks: Buffer[] = [];
  let length = 0;
  const finish = (): void => {
    response.removeAllListeners('data');
    done(Buffer.concat(chunks).subarray(0, bytes).toString('utf8').replace(/\s+/g, ' ').trim());
  };
  response.on('data', (chunk: Buffer) => {
    chunks.push(chunk);
    length += chunk.length;
    if (length >= bytes) finish();
  });
  response.once('end', finish);
  // The answer broke off: what arrived is enough to describe it.
  response.once('error', finish);
  response.once('close', finish);
}

function describe(error: Error, timeoutMs: number): string {
  if (error instanceof CallTimeout) return `no answer within ${timeoutMs} ms`;
  const { code } = error as { code?: unknown };
  return typeof code === 'string' && !error.message.includes(code) ? `${error.message}: ${code}` : error.message;
}
