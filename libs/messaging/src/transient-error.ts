import { KafkaJSError } from 'kafkajs';

const NODE_NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * True when the failure is the infrastructure's (database or broker unreachable), not the event's. Such a failure
 * must not dead-letter the event: the consumer waits and tries again until the infrastructure is back.
 */
export function isTransientInfrastructureError(error: unknown): boolean {
  if (error instanceof KafkaJSError) return error.retriable;
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string') {
    // SQLSTATE class 08 (connection exception), 57P01-03 (shutdown, cannot connect now), 53300 (too many connections).
    if (code.startsWith('08') || /^57P0[1-3]$/.test(code) || code === '53300') return true;
    if (NODE_NETWORK_CODES.has(code)) return true;
  }
  return (
    typeof message === 'string' &&
    /Connection terminated|connection timeout|Client has encountered a connection error/i.test(message)
  );
}
