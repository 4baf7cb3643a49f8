import { AsyncLocalStorage } from 'node:async_hooks';

/** Fields every log line written while an event is being handled carries. */
export interface LogContext {
  eventId?: string;
  correlationId?: string;
  causationId?: string;
  eventType?: string;
  topic?: string;
  /**
   * Personal values of the event being handled (可用不可见), each with its masked form: no log line written meanwhile
   * carries them. Never written out itself.
   */
  redactions?: readonly Redaction[];
}

/** A personal value and what replaces it in text. */
export interface Redaction {
  readonly value: string;
  readonly masked: string;
}

const storage = new AsyncLocalStorage<LogContext>();

export function withLogContext<T>(context: LogContext, work: () => T): T {
  return storage.run({ ...storage.getStore(), ...context }, work);
}

export function currentLogContext(): LogContext | undefined {
  return storage.getStore();
}
