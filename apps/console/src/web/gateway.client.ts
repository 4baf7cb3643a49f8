import { Injectable } from '@nestjs/common';
import { FieldError } from '@hub/contracts';
import { ProblemException } from '@hub/platform';
import { ConsoleEnv } from '../console.env';
import { Person } from './person';

/** The gateway's answer to a login: the session's token, its CSRF token and whose it is. */
export interface LoginAnswer {
  session: string;
  csrf: string;
  expiresAt: string;
  person: Person;
}

interface Problem {
  type?: string;
  title?: string;
  detail?: string;
  errors?: FieldError[];
}

/** The session is over (or never was): the person signs in again. */
export class LoginRequired extends Error {}

/** The gateway or the app behind it refused: its problem details, carried to the error page. */
export class UpstreamProblem extends ProblemException {
  constructor(
    status: number,
    problem: Problem,
    readonly retryAfter?: string,
  ) {
    super(
      status,
      problem.type?.replace(/^urn:hub:problem:/, '') ?? 'upstream',
      problem.detail ?? problem.title ?? `HTTP ${status}`,
      problem.errors,
    );
  }
}

/**
 * The console's one way to the hub: the gateway, with the person's session (`Hub-Session`, and `Hub-CSRF` on every
 * call that changes something) and the address the person called from (`Hub-Client-Address`, for the audit). Every
 * app's API is reached through the gateway's door (`/v1/<app>/…`); the console keeps no copy of their data.
 */
@Injectable()
export class GatewayClient {
  constructor(private readonly env: ConsoleEnv) {}

  /** 201 with the session, or an UpstreamProblem: 401 invalid-login, 423 account-locked (Retry-After), 403. */
  async login(username: string, password: string, clientAddress: string): Promise<LoginAnswer> {
    const response = await this.send(
      'POST',
      '/v1/people/sessions',
      { 'hub-client-address': clientAddress },
      {
        username,
        password,
      },
    );
    return (await this.answer(response, false)) as LoginAnswer;
  }

  /** The session behind a token, or LoginRequired. */
  async current(token: string, clientAddress: string): Promise<Omit<LoginAnswer, 'session'>> {
    const response = await this.send('GET', '/v1/people/sessions/current', this.headers(token, clientAddress));
    return (await this.answer(response, true)) as Omit<LoginAnswer, 'session'>;
  }

  async logout(token: string, csrf: string, clientAddress: string): Promise<void> {
    const response = await this.send('DELETE', '/v1/people/sessions/current', {
      ...this.headers(token, clientAddress),
      'hub-csrf': csrf,
    });
    // A session already over is logged out all the same.
    if (response.status !== 401) await this.answer(response, true);
  }

  /** A call to an app's API through the door, as the person: `/v1/supervision/claims`. */
  async call<T>(
    session: { token: string; csrf: string },
    clientAddress: string,
    method: 'GET' | 'POST' | 'PATCH' | 'PUT',
    path: string,
    body?: object,
  ): Promise<T> {
    const headers = this.headers(session.token, clientAddress);
    if (method !== 'GET') headers['hub-csrf'] = session.csrf;
    return (await this.answer(await this.send(method, path, headers, body), true)) as T;
  }

  /** A public read through the door (一公开), as no one in particular: `/v1/approval/public/matters`. */
  async publicGet<T>(path: string): Promise<T> {
    return (await this.answer(await this.send('GET', path, {}), false)) as T;
  }

  /** A GET whose 2xx answer is text (a CSV export), with its content type; errors as `call`. */
  async callText(
    session: { token: string },
    clientAddress: string,
    path: string,
  ): Promise<{ contentType: string; text: string }> {
    const response = await this.send('GET', path, this.headers(session.token, clientAddress));
    if (!response.ok) await this.answer(response, true);
    return { contentType: response.headers.get('content-type') ?? 'text/plain', text: await response.text() };
  }

  private headers(token: string, clientAddress: string): Record<string, string> {
    return { 'hub-session': token, 'hub-client-address': clientAddress };
  }

  private send(method: string, path: string, headers: Record<string, string>, body?: object): Promise<Response> {
    return fetch(new URL(path, this.env.GATEWAY_URL), {
      method,
      headers: { accept: 'application/json', ...headers, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
  }

  /** The JSON body of a 2xx; LoginRequired for a session the gateway does not know (401); else UpstreamProblem. */
  private async answer(response: Response, withSession: boolean): Promise<unknown> {
    const text = await response.text();
    if (response.ok) return text === '' ? undefined : JSON.parse(text);
    if (withSession && response.status === 401) throw new LoginRequired();
    let problem: Problem = {};
    try {
      problem = JSON.parse(text) as Problem;
    } catch {
      problem = { detail: text.slice(0, 200) };
    }
    throw new UpstreamProblem(response.status, problem, response.headers.get('retry-after') ?? undefined);
  }
}
