import { AsyncLocalStorage } from 'node:async_hooks';

/** Fields every log line written while an event is being handled carries. */
export interface LogContext {
  eventId?: string;
  correlationId?: string;
  causationId?: string;
  eventType?: string;
  topic?: string;
}

const storage = new AsyncLocalStorage<LogContext>();

export function withLogContext<T>(context: LogContext, work: () => T): T {
  return storage.run({ ...storage.getStore(), ...context }, work);
}

export function currentLogContext(): LogContext | undefined {
  return storage.getStore();
}
