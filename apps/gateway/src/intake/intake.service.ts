import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { EntityManager } from 'typeorm';
import { CloudEvent, FieldError, eventTypeRegistry } from '@hub/contracts';
import { HubMetrics } from '@hub/observability';
import { ProblemException } from '@hub/platform';
import { EVENT_CATALOG, EventCatalog, KafkaRecord, singleRecordBatchBytes } from '@hub/messaging';
import { GroupCommit, GroupCommitFull } from '@hub/persistence';
import { AuthProblems, serviceUnavailable } from '../auth/auth-problems';
import { NonceClaim } from '../auth/caller.decorator';
import { isDatabaseUnavailable } from '../auth/database-unavailable';
import { publishViolations, withDepartment } from '../auth/publish-policy';
import { IntakeChannel, RefusalsService } from '../auth/refusals.service';
import { RequestAuthenticator } from '../auth/request-authenticator.service';
import { GatewayEnv } from '../gateway.env';
import { eventFingerprint, legacyEventFingerprint } from './event-fingerprint';
import { IntakeRepository, NewReceipt, StoredReceipt } from './intake.repository';

/** The hub's extension naming the accepted event: the receipt's `hubId`, carried to Kafka with the event. */
export const HUB_ID_EXTENSION = 'hubid';

const QUEUED_METRIC = 'hub_gateway_intake_queued_events';

export const IntakeProblems = {
  invalidEvent: 'invalid-event',
  forbidden: AuthProblems.forbidden,
  idConflict: 'id-conflict',
  tooLarge: 'payload-too-large',
} as const;

/** What the publisher gets for an accepted event: the hub's id for it, where it goes, when it was accepted. */
export interface Receipt {
  hubId: string;
  id: string;
  source: string;
  type: string;
  topic: string;
  acceptedAt: string;
}

/** A refusal of one event, as RFC 9457 problem details without the instance. */
export interface EventProblem {
  type: string;
  status: 400 | 403 | 409 | 413;
  detail: string;
  errors: FieldError[];
}

export type Outcome =
  | { readonly status: 202; readonly receipt: Receipt; readonly duplicate: boolean }
  | { readonly status: 400 | 403 | 409 | 413; readonly problem: EventProblem };

/** Who publishes: the department of the signing credential (HTTP) or of the ingress topic (Kafka). */
export interface Publisher {
  readonly department: string;
  readonly channel: IntakeChannel;
  readonly accessKeyId: string | null;
  /** The signing system's name (HTTP): its events' `source` is its own. Absent on Kafka (a topic per department). */
  readonly system?: string;
  /** The request's nonce, not yet recorded (HTTP): `publish` records it with the events, or alone if none goes in. */
  readonly nonce?: NonceClaim;
}

/**
 * An event as decoded from a request by the CloudEvents codecs (`ok` only once they found its envelope valid, which
 * is not checked again), or why it could not be; `raw` is the JSON object that failed to decode, if any, so that its
 * payload is checked too and every failing field is named at once.
 */
export type Submission =
  | { readonly ok: true; readonly event: CloudEvent }
  | { readonly ok: false; readonly errors: readonly FieldError[]; readonly raw?: unknown };

/**
 * The door's rules for events, for both channels: the contract (envelope, registered type, payload), the
 * publisher's rights (publish-policy.ts), and CloudEvents identity — a `source` + `id` accepted once gets its
 * receipt again and no second event, while a different body under it is a conflict. Accepted events are
 * committed to the outbox with their receipts in one statement, so a request is accepted whole or not at all.
 */
@Injectable()
export class IntakeService {
  /**
   * Concurrent requests are committed together (group commit): one statement, so one round trip and one commit,
   * for all of them; each request still gets exactly its own outcomes, and a request is never split. A statement
   * the database refuses for what one request carries (a value it cannot store) is retried without it, so that
   * only that request fails; the events waiting are bounded, and a request beyond the bound is answered 503.
   */
  private readonly admissions: GroupCommit<Admission, Admitted>;

  constructor(
    @Inject(EVENT_CATALOG) private readonly catalog: EventCatalog,
    private readonly repository: IntakeRepository,
    private readonly refusals: RefusalsService,
    private readonly authenticator: RequestAuthenticator,
    private readonly env: GatewayEnv,
    metrics: HubMetrics,
  ) {
    this.admissions = new GroupCommit<Admission, Admitted>(
      (admissions) => this.admitAll(this.repository.manager, admissions),
      // One in flight: the requests that arrive meanwhile gather into the next group (bench/gateway: with two in
      // flight the groups were half as large, PostgreSQL ran twice the statements and single events went a fifth
      // slower).
      {
        concurrency: 1,
        maxWeight: 1_000,
        weigh: (admission) => admission.events.length,
        maxQueuedWeight: env.GATEWAY_MAX_QUEUED_EVENTS,
        isolates: (error) => !isDatabaseUnavailable(error),
      },
    );
    const admissions = this.admissions;
    if (!metrics.registry.getSingleMetric(QUEUED_METRIC)) {
      new Gauge({
        name: QUEUED_METRIC,
        help: 'Events of HTTP requests waiting for the intake statement (503 beyond GATEWAY_MAX_QUEUED_EVENTS)',
        registers: [metrics.registry],
        collect() {
          this.set(admissions.queued);
        },
      });
    }
  }

  /**
   * HTTP intake: checks every submission and commits the acceptable ones together, with the request's nonce; 401 if
   * the nonce was used before (nothing is accepted), 503 if the database cannot take them.
   */
  async publish(publisher: Publisher, submissions: readonly Submission[]): Promise<Outcome[]> {
    const outcomes: (Outcome | undefined)[] = submissions.map((submission) => this.check(publisher, submission));
    const admissible = submissions.flatMap((s, index) =>
      s.ok && outcomes[index] === undefined ? [{ index, event: s.event }] : [],
    );
    if (admissible.length === 0 && publisher.nonce) {
      await this.authenticator.recordNonce(publisher.nonce, publisher.department);
    }
    if (admissible.length > 0) {
      let admitted: Admitted;
      try {
        admitted = await this.admissions.submit({
          publisher,
          events: admissible.map((a) => a.event),
          nonce: publisher.nonce,
        });
      } catch (error) {
        if (error instanceof GroupCommitFull) {
          this.refusals.refused({
            channel: publisher.channel,
            department: publisher.department,
            problem: 'unavailable',
            status: 503,
            detail: error.message,
            accessKeyId: publisher.accessKeyId ?? undefined,
          });
          throw serviceUnavailable(
            `the hub has ${error.maxQueuedWeight} events waiting to be stored; nothing of this request was accepted: retry it`,
          );
        }
        if (isUnstorable(error)) throw this.unstorable(publisher, error);
        if (isDatabaseUnavailable(error)) {
          this.refusals.refused({
            channel: publisher.channel,
            department: publisher.department,
            problem: 'unavailable',
            status: 503,
            detail: (error as Error).message,
            accessKeyId: publisher.accessKeyId ?? undefined,
          });
          throw serviceUnavailable(
            'the hub cannot store events right now; nothing of this request was accepted: retry it',
          );
        }
        throw error;
      }
      if (admitted === REPLAYED) throw this.authenticator.replayed(publisher.nonce!, publisher.department);
      if (admitted === INACTIVE) throw this.authenticator.inactive(publisher.nonce!, publisher.department);
      this.countAccepted(publisher, admitted);
      admissible.forEach((a, i) => (outcomes[a.index] = admitted[i]));
    }
    return outcomes as Outcome[];
  }

  /**
   * Authorises events that passed their contract and commits the acceptable ones, in the caller's transaction
   * (the Kafka ingress runs it in the transaction of its inbox). One outcome per event, in order.
   */
  async admit(manager: EntityManager, publisher: Publisher, events: readonly CloudEvent[]): Promise<Outcome[]> {
    const [outcomes] = await this.admitAll(manager, [{ publisher, events }]);
    if (typeof outcomes === 'string') throw new Error('an admission without a nonce cannot be a replay');
    return outcomes!;
  }

  /**
   * `admit` for several requests at once, with one statement for all of them, which also records their nonces: a
   * request whose nonce was used before (in the database, or by an earlier request of the group) admits nothing.
   * An identity sent twice (in one request or in two) is judged against its first occurrence.
   */
  private async admitAll(manager: EntityManager, admissions: readonly Admission[]): Promise<Admitted[]> {
    const replayed = repeatedNonces(admissions);
    const outcomes = admissions.map(({ publisher, events }) =>
      events.map((event): Outcome | undefined => this.authorise(publisher, event)),
    );
    const { candidates: all, repeats } = this.candidates(admissions, outcomes, replayed);
    const records = new Map<Candidate, KafkaRecord>();
    const candidates = all.filter((c) => {
      const record = this.catalog.encode(c.event);
      const refusal = this.unrelayable(admissions[c.request]!.publisher, c.event, record);
      if (refusal) outcomes[c.request]![c.index] = refusal;
      else records.set(c, record);
      return refusal === undefined;
    });

    const inserted = await this.repository.insertNew(
      manager,
      candidates.map((c) => ({ receipt: c.receipt, record: records.get(c)!, request: c.request })),
      admissions.flatMap(({ nonce }, request) => (nonce && !replayed.has(request) ? [{ ...nonce, request }] : [])),
    );
    // A request of a credential no longer active is, like a replay, one of which nothing goes in.
    for (const request of [...inserted.replayed, ...inserted.inactive]) replayed.add(request);
    const insertedIds = new Set(inserted.receipts.map((r) => r.hubId));
    const isNew = (c: Candidate): boolean => insertedIds.has(c.receipt.hubId);
    const judged = candidates.filter((c) => !replayed.has(c.request));
    const known = await this.repository.find(
      manager,
      judged.filter((c) => !isNew(c)).map((c) => c.receipt),
    );
    const stored = new Map([...inserted.receipts, ...known].map((r) => [identityOf(r), r]));
    for (const c of judged) {
      outcomes[c.request]![c.index] = verdict(
        c.receipt.fingerprint,
        c.stamped,
        stored.get(identityOf(c.receipt))!,
        !isNew(c),
      );
    }
    // A repeat of an event whose first occurrence was in a replayed request was not admitted with it: admit it now
    // (its own request's nonce is recorded already).
    const orphans = repeats.filter((r) => !replayed.has(r.request) && replayed.has(r.of.request));
    for (const r of repeats) {
      if (replayed.has(r.request) || replayed.has(r.of.request)) continue;
      const first = outcomes[r.of.request]![r.of.index];
      if (first?.status === 413) {
        outcomes[r.request]![r.index] = first;
        continue;
      }
      outcomes[r.request]![r.index] = verdict(r.fingerprint, r.stamped, stored.get(identityOf(r.of.receipt))!, true);
    }
    admissions.forEach(({ publisher, events }, request) =>
      outcomes[request]!.forEach((outcome, index) => {
        if (outcome?.status === 409 && !replayed.has(request))
          this.recordRefusal(publisher, outcome.problem, events[index]);
      }),
    );
    if (orphans.length > 0) {
      const again = orphans.map((r) => ({ publisher: admissions[r.request]!.publisher, events: [r.event] }));
      const answers = await this.admitAll(manager, again);
      orphans.forEach((r, i) => (outcomes[r.request]![r.index] = (answers[i] as Outcome[])[0]));
    }
    return outcomes.map((o, request) =>
      inserted.inactive.has(request) ? INACTIVE : replayed.has(request) ? REPLAYED : (o as Outcome[]),
    );
  }

  /**
   * The answer to a request whose events PostgreSQL refused to store (a data exception or a limit of its own, such as
   * an index row too large): the request alone failed, the others committed with it did not.
   */
  private unstorable(publisher: Publisher, error: { code: string; message: string }): ProblemException {
    const errors: FieldError[] = [
      {
        field: 'body',
        rule: 'storable',
        message: `the hub's database refused to store this request's events (SQLSTATE ${error.code}: ${error.message})`,
      },
    ];
    this.refusals.refused({
      channel: publisher.channel,
      department: publisher.department,
      problem: IntakeProblems.invalidEvent,
      status: 400,
      errors,
      accessKeyId: publisher.accessKeyId ?? undefined,
    });
    return new ProblemException(
      400,
      IntakeProblems.invalidEvent,
      'the events of this request cannot be stored as sent; nothing of it was accepted',
      errors,
    );
  }

  /** Counts the events an admission committed (duplicates aside); call once it has committed. */
  countAccepted(publisher: Publisher, outcomes: readonly Outcome[]): void {
    const accepted = outcomes.filter((o) => o.status === 202 && !o.duplicate).length;
    this.refusals.acceptedEvents(publisher.channel, publisher.department, accepted);
  }

  /**
   * The events to record, stamped with their department and a new hub id; an identity repeated (within a request
   * or across the requests admitted together) is judged against its first occurrence instead.
   */
  private candidates(
    admissions: readonly Admission[],
    refused: readonly (readonly (Outcome | undefined)[])[],
    replayed: ReadonlySet<number>,
  ): { candidates: Candidate[]; repeats: Repeat[] } {
    const candidates: Candidate[] = [];
    const repeats: Repeat[] = [];
    const first = new Map<string, Candidate>();
    admissions.forEach(({ publisher, events }, request) =>
      events.forEach((sent, index) => {
        if (replayed.has(request) || refused[request]![index] !== undefined) return;
        const event = withDepartment(sent, publisher.department);
        const fingerprint = eventFingerprint(event);
        const identity = identityOf({ source: event.source, eventId: event.id });
        const earlier = first.get(identity);
        if (earlier) {
          repeats.push({ request, index, of: earlier, fingerprint, stamped: event, event: sent });
          return;
        }
        const hubId = randomUUID();
        const candidate: Candidate = {
          request,
          index,
          event: { ...event, [HUB_ID_EXTENSION]: hubId },
          stamped: event,
          receipt: {
            source: event.source,
            eventId: event.id,
            fingerprint,
            hubId,
            type: event.type,
            topic: this.catalog.topicOf(event.type),
            department: publisher.department,
            channel: publisher.channel,
            accessKeyId: publisher.accessKeyId,
          },
        };
        first.set(identity, candidate);
        candidates.push(candidate);
      }),
    );
    return { candidates, repeats };
  }

  /** The contract, then the publisher's rights: a refusal, or undefined when the event may be admitted. */
  private check(publisher: Publisher, submission: Submission): Outcome | undefined {
    if (!submission.ok) {
      const errors = [...submission.errors];
      if (submission.raw !== undefined) errors.push(...eventTypeRegistry.validate(submission.raw).errors);
      return this.refuse(publisher, IntakeProblems.invalidEvent, 400, 'the event is invalid', distinct(errors));
    }
    const { event } = submission;
    const checked = eventTypeRegistry.validate(event, { envelopeChecked: true });
    // Not the owner is answered first: the payload of a type one may not publish is none of one's business.
    if (checked.definition) {
      const forbidden = this.authorise(publisher, event);
      if (forbidden) return forbidden;
    }
    if (!checked.ok)
      return this.refuse(
        publisher,
        IntakeProblems.invalidEvent,
        400,
        'the event is invalid',
        [...checked.errors],
        event,
      );
    return undefined;
  }

  private authorise(publisher: Publisher, event: CloudEvent): Outcome | undefined {
    const violations = publishViolations(
      event,
      publisher.department,
      this.catalog.ownerOf(event.type),
      publisher.system,
    );
    if (violations.length === 0) return undefined;
    return this.refuse(
      publisher,
      IntakeProblems.forbidden,
      403,
      `${publisher.department} may not publish this event`,
      violations,
      event,
    );
  }

  /**
   * 413 for an event whose Kafka record (as the relay would send it, hub id and department included) is over the
   * broker's limit: the relay could never produce it, so it is refused before it is stored.
   */
  private unrelayable(publisher: Publisher, event: CloudEvent, record: KafkaRecord): Outcome | undefined {
    const max = this.env.KAFKA_MAX_MESSAGE_BYTES;
    const bytes = singleRecordBatchBytes(record);
    if (bytes <= max) return undefined;
    return this.refuse(
      publisher,
      IntakeProblems.tooLarge,
      413,
      `the event's Kafka record would take ${bytes} bytes; the broker takes at most ${max}`,
      [
        {
          field: 'data',
          rule: 'maxRecordBytes',
          message: `an event's Kafka record (data, attributes and the hub's own) takes at most ${max} bytes (KAFKA_MAX_MESSAGE_BYTES): send less data`,
        },
      ],
      event,
    );
  }

  private refuse(
    publisher: Publisher,
    type: string,
    status: 400 | 403 | 413,
    detail: string,
    errors: FieldError[],
    event?: CloudEvent,
  ): Outcome {
    const problem: EventProblem = { type, status, detail, errors };
    this.recordRefusal(publisher, problem, event);
    return { status, problem };
  }

  private recordRefusal(publisher: Publisher, problem: EventProblem, event?: CloudEvent): void {
    this.refusals.refused({
      channel: publisher.channel,
      department: publisher.department,
      problem: problem.type,
      status: problem.status,
      errors: problem.errors,
      accessKeyId: publisher.accessKeyId ?? undefined,
      eventId: event?.id,
      source: event?.source,
    });
  }
}

/** One request's events, to be admitted with others in one statement, and its nonce if it records one. */
interface Admission {
  readonly publisher: Publisher;
  readonly events: readonly CloudEvent[];
  readonly nonce?: NonceClaim;
}

/** What an admission of a request whose nonce was used before gets: nothing of it went in. */
const REPLAYED = 'replayed';
/** …and of a request whose credential was revoked or expired since the replica looked it up: nothing either. */
const INACTIVE = 'inactive';

type Admitted = Outcome[] | typeof REPLAYED | typeof INACTIVE;

/** The requests of a group that repeat the nonce of an earlier one (a replay like any other). */
function repeatedNonces(admissions: readonly Admission[]): Set<number> {
  const seen = new Set<string>();
  const repeated = new Set<number>();
  admissions.forEach(({ nonce }, request) => {
    if (!nonce) return;
    const key = JSON.stringify([nonce.accessKeyId, nonce.nonce]);
    if (seen.has(key)) repeated.add(request);
    seen.add(key);
  });
  return repeated;
}

interface Candidate {
  /** Which admission, and which of its events. */
  readonly request: number;
  readonly index: number;
  readonly event: CloudEvent;
  /** As sent, with its department: what the legacy fingerprint covered. */
  readonly stamped: CloudEvent;
  readonly receipt: NewReceipt;
}

interface Repeat {
  readonly request: number;
  readonly index: number;
  readonly of: Candidate;
  readonly fingerprint: string;
  readonly stamped: CloudEvent;
  /** As sent, for admitting it on its own should its first occurrence not be admitted. */
  readonly event: CloudEvent;
}

function identityOf(receipt: { source: string; eventId: string }): string {
  return JSON.stringify([receipt.source, receipt.eventId]);
}

/**
 * The stored receipt of the event's identity answers it: the same fingerprint is the same event (event-fingerprint.ts
 * says what that means), else a conflict. A receipt stored before that meaning holds the legacy fingerprint of the
 * whole event, computed only here, when the other does not match.
 */
function verdict(fingerprint: string, stamped: CloudEvent, receipt: StoredReceipt, duplicate: boolean): Outcome {
  if (receipt.fingerprint === fingerprint || receipt.fingerprint === legacyEventFingerprint(stamped)) {
    return { status: 202, receipt: receiptView(receipt), duplicate };
  }
  return {
    status: 409,
    problem: {
      type: IntakeProblems.idConflict,
      status: 409,
      detail: `an event with source ${receipt.source} and id ${receipt.eventId} was accepted with a different body (hub id ${receipt.hubId})`,
      errors: [
        {
          field: 'id',
          rule: 'uniqueWithinSource',
          message: 'a new event needs a new id; resend the same event (same type, subject and data) to get its receipt',
        },
      ],
    },
  };
}

/** One error per field and rule (a decoder and the registry may both report one). */
function distinct(errors: FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = `${e.field}\u0000${e.rule}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function receiptView(receipt: StoredReceipt): Receipt {
  return {
    hubId: receipt.hubId,
    id: receipt.eventId,
    source: receipt.source,
    type: receipt.type,
    topic: receipt.topic,
    acceptedAt: receipt.acceptedAt.toISOString(),
  };
}

/**
 * SQLSTATE classes meaning "this data cannot be stored": 22 data exception (e.g. an invalid byte sequence), 54 program
 * limit exceeded (e.g. an index row too large). A request carrying such data fails whatever it is committed with.
 */
function isUnstorable(error: unknown): error is { code: string; message: string } {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^(22|54)/.test(code) && error instanceof Error;
}
