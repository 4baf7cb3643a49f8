import type { FieldError, ProblemDetails } from './wire-types';

const PROBLEM_PREFIX = 'urn:hub:problem:';

/** The gateway refused a request: the problem details it answered, and what to do about it. */
export class HubError extends Error {
  override readonly name = 'HubError';

  constructor(
    readonly status: number,
    readonly problem: ProblemDetails,
    /** Seconds to wait before trying again, from `Retry-After` (429, 503). */
    readonly retryAfterSeconds?: number,
  ) {
    super(describe(status, problem));
  }

  /** The problem's short name, e.g. `bad-signature`, `invalid-event`, `rate-limited`. */
  get problemType(): string {
    return this.problem.type.startsWith(PROBLEM_PREFIX)
      ? this.problem.type.slice(PROBLEM_PREFIX.length)
      : this.problem.type;
  }

  get errors(): FieldError[] {
    return this.problem.errors ?? [];
  }

  /** Whether sending the same request again later may succeed (the event keeps its id, so it is never doubled). */
  get retryable(): boolean {
    return this.status === 429 || this.status === 503 || this.status === 502 || this.status === 504;
  }
}

/** The gateway could not be reached, or did not answer in time; the request may or may not have been applied. */
export class HubConnectionError extends Error {
  override readonly name = 'HubConnectionError';
  readonly retryable = true;
}

function describe(status: number, problem: ProblemDetails): string {
  const fields = (problem.errors ?? []).map((e) => `${e.field} (${e.rule}): ${e.message}`);
  const head = `${status} ${problem.title}${problem.detail ? `: ${problem.detail}` : ''}`;
  return fields.length > 0 ? `${head}\n  ${fields.join('\n  ')}` : head;
}
