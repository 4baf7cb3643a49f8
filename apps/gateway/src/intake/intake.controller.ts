import { TextDecoder } from 'node:util';
import { Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { CloudEventMediaTypes, FieldError, HttpCodecRules, fromHttpRequest, fromJsonFormat } from '@hub/contracts';
import { PROBLEM_TYPE_BASE, ProblemException } from '@hub/platform';
import { BodyLimit } from '../auth/body-limit.decorator';
import { Caller } from '../auth/caller.decorator';
import { NonceWithWork } from '../auth/nonce-with-work';
import { RefusalsService } from '../auth/refusals.service';
import { RequestAuthenticator } from '../auth/request-authenticator.service';
import { Signed } from '../auth/signed.decorator';
import { GatewayEnv } from '../gateway.env';
import { IntakeRateLimit } from './intake-rate-limit';
import { IntakeService, Outcome, Publisher, Receipt, Submission } from './intake.service';

/** Set on a 202 that answers a duplicate: the receipt is the original one and no second event was made. */
export const DUPLICATE_HEADER = 'Hub-Duplicate';

export interface BatchResult {
  index: number;
  status: number;
  duplicate?: boolean;
  receipt?: Receipt;
  problem?: { type: string; title: string; status: number; detail: string; errors: FieldError[] };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Department systems publish here, signed per spec/HTTP-SIGNING.md: one CloudEvent (structured or binary mode of the
 * HTTP binding) or a JSON batch of up to GATEWAY_MAX_BATCH_EVENTS, answered per event. A 202 means committed to the
 * outbox: Kafka will have it.
 */
@Controller('v1')
@Signed()
@NonceWithWork()
export class IntakeController {
  constructor(
    private readonly intake: IntakeService,
    private readonly rateLimit: IntakeRateLimit,
    private readonly refusals: RefusalsService,
    private readonly authenticator: RequestAuthenticator,
    private readonly env: GatewayEnv,
  ) {}

  @Post('events')
  @BodyLimit((env) => env.GATEWAY_MAX_EVENT_BYTES, { raw: true })
  @HttpCode(202)
  async publish(
    @Req() request: Request & { rawBody?: Buffer },
    @Res({ passthrough: true }) response: Response,
    @Caller() caller: Caller,
  ): Promise<Receipt> {
    const publisher = publisherOf(caller);
    const submission = await this.beforeIntake(caller, () => this.singleSubmission(publisher, request));
    const [outcome] = await this.intake.publish(publisher, [submission]);
    if (outcome.status !== 202) {
      throw new ProblemException(outcome.status, outcome.problem.type, outcome.problem.detail, outcome.problem.errors);
    }
    if (outcome.duplicate) response.setHeader(DUPLICATE_HEADER, 'true');
    return outcome.receipt;
  }

  /** The request's one event, decoded, once its media type and the department's rate allow it. */
  private async singleSubmission(publisher: Publisher, request: Request & { rawBody?: Buffer }): Promise<Submission> {
    const essence = mediaTypeEssence(request.headers['content-type']);
    if (essence === CloudEventMediaTypes.batch) {
      throw this.refuse(
        publisher,
        415,
        'unsupported-media-type',
        `${CloudEventMediaTypes.batch} goes to POST /v1/events:batch`,
        [
          {
            field: 'content-type',
            rule: 'singleEvent',
            message: `send one event as ${CloudEventMediaTypes.structured} or in binary mode`,
          },
        ],
      );
    }
    const decoded = fromHttpRequest(request.headers, request.rawBody ?? Buffer.alloc(0));
    if (!decoded.ok) {
      const mediaType = decoded.errors.filter(
        (e) => e.rule === HttpCodecRules.contentMode || e.rule === HttpCodecRules.eventFormat,
      );
      if (mediaType.length > 0) {
        throw this.refuse(
          publisher,
          415,
          'unsupported-media-type',
          `send ${CloudEventMediaTypes.structured}, or binary mode with ce- headers`,
          mediaType,
        );
      }
    }
    await this.rateLimit.check(publisher, 1);
    return decoded.ok
      ? { ok: true, event: decoded.events[0] }
      : {
          ok: false,
          errors: decoded.errors,
          raw: essence === CloudEventMediaTypes.structured ? parseJsonObject(request.rawBody) : undefined,
        };
  }

  /** 202 when every event was accepted (or was a duplicate), 207 when some were refused: see each result. */
  @Post('events\\:batch')
  @BodyLimit((env) => env.GATEWAY_MAX_BATCH_BYTES, { raw: true })
  async publishBatch(
    @Req() request: Request & { rawBody?: Buffer },
    @Res({ passthrough: true }) response: Response,
    @Caller() caller: Caller,
  ): Promise<{ accepted: number; refused: number; results: BatchResult[] }> {
    const publisher = publisherOf(caller);
    const { items, submissions, tooLarge } = await this.beforeIntake(caller, () =>
      this.batchSubmissions(publisher, request),
    );
    const published = await this.intake.publish(publisher, submissions);
    const outcomes = items.map((_, index) => tooLarge.get(index) ?? published.shift()!);
    const results = outcomes.map((outcome, index) => batchResult(outcome, index));
    const accepted = results.filter((r) => r.status === 202).length;
    response.status(accepted === results.length ? 202 : 207);
    return { accepted, refused: results.length - accepted, results };
  }

  /** The batch's events, decoded, once its form and the department's rate allow it; those too large refused. */
  private async batchSubmissions(
    publisher: Publisher,
    request: Request & { rawBody?: Buffer },
  ): Promise<{ items: unknown[]; submissions: Submission[]; tooLarge: Map<number, Outcome> }> {
    if (mediaTypeEssence(request.headers['content-type']) !== CloudEventMediaTypes.batch) {
      throw this.refuse(publisher, 415, 'unsupported-media-type', `a batch is ${CloudEventMediaTypes.batch}`, [
        {
          field: 'content-type',
          rule: 'batchFormat',
          message: `Content-Type must be ${CloudEventMediaTypes.batch} (CloudEvents JSON batch format)`,
        },
      ]);
    }
    const body = request.rawBody ?? Buffer.alloc(0);
    const items = this.parseBatch(publisher, body);
    await this.rateLimit.check(publisher, items.length);
    // An event in a batch is held to the single event's limit; only a body above it can hold one that is not.
    const tooLarge = body.length > this.env.GATEWAY_MAX_EVENT_BYTES ? this.oversized(publisher, items) : new Map();
    const submissions: Submission[] = items.flatMap((item, index) => {
      if (tooLarge.has(index)) return [];
      const decoded = fromJsonFormat(item);
      return [decoded.ok ? { ok: true, event: decoded.event } : { ok: false, errors: decoded.errors, raw: item }];
    });
    return { items, submissions, tooLarge };
  }

  /**
   * The steps before intake; if one refuses the request, its nonce is recorded on its own first (the intake would
   * have recorded it with the events), so that the request cannot be replayed — a replay is answered 401.
   */
  private async beforeIntake<T>(caller: Caller, steps: () => Promise<T>): Promise<T> {
    try {
      return await steps();
    } catch (error) {
      if (caller.nonce) await this.authenticator.recordNonce(caller.nonce, caller.department);
      throw error;
    }
  }

  /** The events of a batch over GATEWAY_MAX_EVENT_BYTES (as JSON), each with its 413. */
  private oversized(publisher: Publisher, items: readonly unknown[]): Map<number, Outcome> {
    const max = this.env.GATEWAY_MAX_EVENT_BYTES;
    const refusals = new Map<number, Outcome>();
    items.forEach((item, index) => {
      const bytes = Buffer.byteLength(JSON.stringify(item));
      if (bytes <= max) return;
      const problem = {
        type: 'payload-too-large',
        status: 413 as const,
        detail: `an event holds at most ${max} bytes; this one has ${bytes}`,
        errors: [{ field: `[${index}]`, rule: 'maxBytes', message: `an event holds at most ${max} bytes of JSON` }],
      };
      this.refusals.refused({
        channel: 'http',
        department: publisher.department,
        problem: problem.type,
        status: 413,
        detail: problem.detail,
        errors: problem.errors,
        accessKeyId: publisher.accessKeyId ?? undefined,
      });
      refusals.set(index, { status: 413, problem });
    });
    return refusals;
  }

  private parseBatch(publisher: Publisher, body: Buffer): unknown[] {
    let parsed: unknown;
    try {
      parsed = JSON.parse(utf8.decode(body));
    } catch (error) {
      throw this.refuse(publisher, 400, 'invalid-request', 'the batch is not UTF-8 JSON', [
        { field: 'body', rule: 'json', message: `the body is not valid UTF-8 JSON: ${(error as Error).message}` },
      ]);
    }
    if (!Array.isArray(parsed)) {
      throw this.refuse(publisher, 400, 'invalid-request', 'a batch is a JSON array of events', [
        {
          field: 'body',
          rule: 'isArray',
          message: 'a batch is a JSON array of events (CloudEvents JSON batch format §4)',
        },
      ]);
    }
    if (parsed.length === 0) {
      throw this.refuse(publisher, 400, 'invalid-request', 'the batch is empty', [
        { field: 'body', rule: 'arrayMinSize', message: 'a batch holds at least one event' },
      ]);
    }
    const max = this.env.GATEWAY_MAX_BATCH_EVENTS;
    if (parsed.length > max) {
      throw this.refuse(
        publisher,
        413,
        'payload-too-large',
        `a batch holds at most ${max} events; this one has ${parsed.length}`,
        [{ field: 'body', rule: 'arrayMaxSize', message: `split the batch: at most ${max} events` }],
      );
    }
    return parsed;
  }

  private refuse(
    publisher: Publisher,
    status: number,
    type: string,
    detail: string,
    errors: FieldError[],
  ): ProblemException {
    this.refusals.refused({
      channel: 'http',
      department: publisher.department,
      problem: type,
      status,
      detail,
      errors,
      accessKeyId: publisher.accessKeyId ?? undefined,
    });
    return new ProblemException(status, type, detail, errors);
  }
}

function publisherOf(caller: Caller): Publisher {
  return {
    department: caller.department,
    system: caller.systemName,
    channel: 'http',
    accessKeyId: caller.accessKeyId,
    nonce: caller.nonce,
  };
}

function batchResult(outcome: Outcome, index: number): BatchResult {
  if (outcome.status === 202) return { index, status: 202, duplicate: outcome.duplicate, receipt: outcome.receipt };
  const { problem } = outcome;
  return {
    index,
    status: outcome.status,
    problem: {
      type: PROBLEM_TYPE_BASE + problem.type,
      title: TITLES[outcome.status],
      status: outcome.status,
      detail: problem.detail,
      errors: problem.errors,
    },
  };
}

const TITLES = { 400: 'bad request', 403: 'forbidden', 409: 'conflict', 413: 'content too large' } as const;

/** The body as a JSON object, or undefined when it is not one. */
function parseJsonObject(body: Buffer | undefined): unknown {
  try {
    const value: unknown = JSON.parse(utf8.decode(body ?? Buffer.alloc(0)));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function mediaTypeEssence(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0].trim().toLowerCase();
}
