// The shapes the gateway's HTTP API speaks, written out here so that the package stands alone (no @hub/* import
// reaches a department's code).

/** A CloudEvents 1.0 event as a department sends it; `specversion`, `id` and `time` are filled in when absent. */
export interface CloudEventInput<T = unknown> {
  specversion?: '1.0';
  /** Unique per `source`; sending the same `source` + `id` again returns the first receipt. Default: a random UUID. */
  id?: string;
  /** The sending system, e.g. `/departments/SPJ/systems/approval`. */
  source: string;
  /** `zone.<domain>.<aggregate>.<verb>.v<N>`, one of `GET /v1/event-types`. */
  type: string;
  /** The payload's key, e.g. the enterprise's 统一社会信用代码. */
  subject?: string;
  /** RFC 3339. Default: now. */
  time?: string;
  datacontenttype?: string;
  dataschema?: string;
  partitionkey?: string;
  /** The sending department's code; it must match the credentials. */
  department?: string;
  correlationid?: string;
  causationid?: string;
  traceparent?: string;
  tracestate?: string;
  data?: T;
  [extension: string]: unknown;
}

/** A CloudEvent with its required attributes filled in, exactly as sent. */
export type SentCloudEvent<T = unknown> = CloudEventInput<T> & { specversion: '1.0'; id: string; time: string };

/** What the gateway answers once an event is committed (202); a duplicate gets the original receipt (kept 30 days). */
export interface Receipt {
  /** The hub's own id of the event. */
  hubId: string;
  /** The event's own `id` and `source`, and its `type`. */
  id: string;
  source: string;
  type: string;
  /** The canonical topic it goes to. */
  topic: string;
  /** When the hub committed it (RFC 3339). */
  acceptedAt: string;
  /** True when the hub had already accepted this `source` + `id`: this is the original receipt, no second event. */
  duplicate?: boolean;
  [field: string]: unknown;
}

/** One field and the rule it broke. */
export interface FieldError {
  field: string;
  rule: string;
  message: string;
}

/** RFC 9457 problem details with the hub's `errors` extension. */
export interface ProblemDetails {
  /** `urn:hub:problem:<name>`, e.g. `urn:hub:problem:bad-signature`. */
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

/** One event of a batch: accepted with its receipt, or refused with its problem. */
export type BatchItemResult =
  { index: number; ok: true; receipt: Receipt } | { index: number; ok: false; problem: ProblemDetails };

export interface BatchResult {
  /** HTTP status of the whole answer (202 when every event was accepted, 207 when some were refused…). */
  status: number;
  results: BatchItemResult[];
  /** The gateway's answer as it came. */
  body: unknown;
}

/** An entry of the event catalogue (`GET /v1/event-types`). */
export interface EventTypeInfo {
  type: string;
  version: number;
  owner: string;
  ownerName?: string;
  topic: string;
  key: string;
  summary: string;
  /** JSON Schema (draft-07) of `data`. */
  schema: Record<string, unknown>;
  /** A whole CloudEvent of this type. */
  example: CloudEventInput;
}

/** What a department asks for: these event types, by signed webhook to `url` or on its egress topic. */
export interface SubscriptionInput {
  eventTypes: string[];
  mode: 'webhook' | 'egress';
  /** Webhook subscriptions: where the hub POSTs each event. */
  webhookUrl?: string;
}

/** A change to a subscription; `status: 'active'` resumes a paused one and sends what is pending. */
export interface SubscriptionChange {
  eventTypes?: string[];
  webhookUrl?: string;
  status?: 'active' | 'paused';
}

export interface Subscription {
  /** `sub-<16 hex>`. */
  id: string;
  department: string;
  eventTypes: string[];
  mode: 'webhook' | 'egress';
  webhookUrl?: string;
  /** Egress subscriptions: the Kafka topic to consume. */
  topic?: string;
  /** `paused` after repeated failure, until resumed. */
  status: 'active' | 'paused';
  pausedAt: string | null;
  pauseReason: string | null;
  createdAt: string;
  updatedAt: string;
  /** Given once, when a webhook subscription is created: verify each delivery's `Hub-Signature` with it. */
  webhookSecret?: string;
  [field: string]: unknown;
}

/** One event's delivery to a webhook subscription. */
export interface Delivery {
  /** The `Hub-Delivery-Id` of every attempt. */
  id: string;
  /** `before=<sequence>` pages to older deliveries. */
  sequence: string;
  status: 'pending' | 'failed' | 'delivered';
  replay: boolean;
  attempts: number;
  event: { id: string; source: string; type: string; key: string };
  createdAt: string;
  lastAttemptAt: string | null;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
  lastStatusCode: number | null;
  lastError: string | null;
  [field: string]: unknown;
}

export interface ReplayResult {
  subscriptionId: string;
  /** As asked. */
  since: string;
  /** Events sent again. */
  replayed: number;
  /**
   * Per type replayed, where it began: `since`, or the department's grant of the type when later (nothing the hub
   * accepted before the grant is sent).
   */
  eventTypes: { eventType: string; grantedAt: string; from: string }[];
}

/** An event type a department may receive. */
export interface Entitlement {
  department: string;
  eventType: string;
  [field: string]: unknown;
}

/** A consuming app's dead letter of one of the department's events: who gave up, and why. */
export interface EventDeadLetter {
  /** The consumer group that gave up. */
  consumer: string;
  reason: string;
  /** The fields and rules, when the event broke a contract. */
  errors: FieldError[] | null;
  attempts: number;
  deadLetteredAt: string;
  partition: number;
  offset: string;
  [field: string]: unknown;
}

/**
 * The type of the hub's notice that a consumer dead-lettered one of the department's own events: subscribe to it
 * (no entitlement needed) to receive each as the hub stores it, never another department's.
 */
export const DEAD_LETTER_NOTICE_TYPE = 'zone.console.dead-letter.recorded.v1';

/** The `data` of a dead-letter notice (DEAD_LETTER_NOTICE_TYPE), as delivered by webhook or on the egress topic. */
export interface DeadLetterNotice {
  /** The hub's id of the stored dead letter (also the notice's `subject`). */
  deadLetterId: string;
  /** The department that published the event: the subscriber's own. */
  department: string;
  /** The dead event's `id`, `source` and `type`; absent when the message was not readable as a CloudEvent. */
  eventId?: string;
  eventSource?: string;
  eventType?: string;
  /** The consumer group that gave up. */
  consumer: string;
  /** Why (personal data masked), at most 1 000 characters. */
  reason: string;
  attempts: number;
  originalTopic: string;
  originalPartition: number;
  originalOffset: string;
  deadLetteredAt: string;
}

/** What the hub did with one accepted event (GET /v1/events/:id). */
export interface EventStatus {
  id: string;
  source: string;
  type: string;
  hubId: string;
  topic: string;
  channel: string;
  acceptedAt: string;
  /** accepted: still in the gateway's outbox; relayed: on its Kafka topic. */
  state: 'accepted' | 'relayed';
  position: { partition: number; offset: string } | null;
  /** Each consumer group of the hub reading the topic: not past it yet, past it, or gave up on it. */
  consumers: { consumer: string; status: 'pending' | 'consumed' | 'dead-lettered' }[];
  deadLetters: EventDeadLetter[];
  [field: string]: unknown;
}

/** One department's 审管衔接 figures (GET /v1/supervision/stats). */
export interface DepartmentStats {
  department: string;
  pushed: number;
  claimed: number;
  /** claimed ÷ pushed; null when nothing was pushed. */
  claimRate: number | null;
  medianClaimSeconds: number | null;
  overdue: number;
}

/** A matter as the zone publishes it (GET /v1/approval/public/matters): who supervises what, from when. */
export interface PublishedMatter {
  matterCode: string;
  name: string;
  reformMode: string;
  category: string | null;
  effectiveFrom: string;
  /** The supervising departments' codes; empty: the coordinator decides each approval. */
  departments: string[];
}

/** A person's account (GET /v1/admin/people). */
export interface PersonAccount {
  id: string;
  username: string;
  displayName: string;
  department: string;
  roles: string[];
  disabled: boolean;
  /** Locked after repeated failed logins until then; null when not locked. */
  lockedUntil: string | null;
  createdAt: string;
}

/** One action of a person at the hub, as auditors read it (GET /v1/audit/people-actions), newest first. */
export interface PersonAction {
  /** Page on with `before=<id>`. */
  id: string;
  action: string;
  accountId: string | null;
  username: string;
  method: string;
  path: string;
  status: number;
  address: string | null;
  detail: string | null;
  at: string;
}

/** Query parameters of a request; arrays repeat the name. */
export type Query = Record<string, string | number | boolean | readonly (string | number)[] | undefined>;
