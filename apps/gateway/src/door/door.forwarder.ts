import http, { IncomingMessage, OutgoingHttpHeaders } from 'node:http';
import https from 'node:https';
import { pipeline } from 'node:stream/promises';
import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { Response } from 'express';
import { ASSERTION_HEADER, AssertionClaims, AssertionSigner } from '@hub/assertion';
import { ProblemException } from '@hub/platform';
import { GatewayEnv } from '../gateway.env';
import { DOOR_APPS, DoorApp } from './door-routes';

/** What of a call the gateway forwards: never the caller's Authorization, which the assertion stands for. */
export interface ForwardedCall {
  readonly method: string;
  /** `/v1/<rest>` and the query as sent. */
  readonly path: string;
  readonly contentType?: string;
  readonly accept?: string;
  readonly body: Buffer;
}

/** The answer's headers that mean something to the caller; hop-by-hop and the app's own others stay behind. */
const ANSWER_HEADERS = ['content-type', 'content-length', 'location', 'retry-after'];

/**
 * Forwards an authenticated call to the app that owns it, with a fresh assertion naming the caller and the app, over
 * a pool of keep-alive connections per replica, and streams the app's answer back as it comes (problem details
 * included). No answer within GATEWAY_UPSTREAM_TIMEOUT_MS: 504; the app unreachable: 502.
 */
@Injectable()
export class DoorForwarder implements OnModuleInit, OnModuleDestroy {
  private readonly signer: Promise<AssertionSigner>;
  private readonly agents: { 'http:': http.Agent; 'https:': https.Agent };

  constructor(private readonly env: GatewayEnv) {
    this.signer = AssertionSigner.fromPem(env.edgeSigningKey);
    const pool = { keepAlive: true, maxSockets: env.GATEWAY_UPSTREAM_CONNECTIONS, scheduling: 'lifo' as const };
    this.agents = { 'http:': new http.Agent(pool), 'https:': new https.Agent(pool) };
  }

  /** The signer, loaded at boot: a bad key fails the start, not the first call. */
  async onModuleInit(): Promise<void> {
    await this.signer;
  }

  onModuleDestroy(): void {
    this.agents['http:'].destroy();
    this.agents['https:'].destroy();
  }

  /** `beforeAnswer` runs once the app's status is known, before the caller gets any of the answer. */
  async forward(
    app: DoorApp,
    claims: AssertionClaims,
    call: ForwardedCall,
    response: Response,
    beforeAnswer?: (status: number) => Promise<void>,
  ): Promise<void> {
    const assertion = await (await this.signer).sign(app, claims);
    const base = new URL(DOOR_APPS[app].url(this.env));
    const url = new URL(`${base.pathname.replace(/\/$/, '')}${call.path}`, base);
    const headers: OutgoingHttpHeaders = { [ASSERTION_HEADER]: assertion, 'content-length': call.body.length };
    if (call.contentType !== undefined) headers['content-type'] = call.contentType;
    if (call.accept !== undefined) headers.accept = call.accept;
    const answer = await this.send(app, url, call, headers);
    await beforeAnswer?.(answer.statusCode ?? 502).catch((error: unknown) => {
      answer.destroy();
      throw error;
    });
    response.status(answer.statusCode ?? 502);
    for (const name of ANSWER_HEADERS) {
      const value = answer.headers[name];
      if (value !== undefined) response.setHeader(name, value);
    }
    // A failure once the status is sent can only cut the answer short: the caller sees a truncated body.
    await pipeline(answer, response).catch(() => response.destroy());
  }

  private send(app: DoorApp, url: URL, call: ForwardedCall, headers: OutgoingHttpHeaders): Promise<IncomingMessage> {
    const client = url.protocol === 'https:' ? https : http;
    const agent = this.agents[url.protocol as 'http:' | 'https:'];
    return new Promise((resolve, reject) => {
      const request = client.request(url, { method: call.method, headers, agent }, (answer) => {
        clearTimeout(timer);
        resolve(answer);
      });
      const timer = setTimeout(() => {
        request.destroy();
        reject(
          new ProblemException(
            504,
            'upstream-timeout',
            `${app} did not answer within ${this.env.GATEWAY_UPSTREAM_TIMEOUT_MS} ms; whether it acted is unknown`,
          ),
        );
      }, this.env.GATEWAY_UPSTREAM_TIMEOUT_MS);
      request.on('error', (error: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        reject(
          new ProblemException(
            502,
            'upstream-unavailable',
            `${app} cannot be reached (${error.code ?? error.message})`,
            undefined,
            {
              'Retry-After': '1',
            },
          ),
        );
      });
      request.end(call.body);
    });
  }
}
