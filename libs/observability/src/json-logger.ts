import { LoggerService, LogLevel } from '@nestjs/common';
import { currentLogContext, Redaction } from './log-context';

const LEVELS: readonly LogLevel[] = ['verbose', 'debug', 'log', 'warn', 'error', 'fatal'];

/**
 * One JSON object per line on stdout, carrying the event and correlation ids of the event being handled
 * (from the async context), so that one event can be followed through every app's logs.
 */
export class JsonLogger implements LoggerService {
  private readonly threshold: number;

  constructor(
    private readonly app: string,
    level: LogLevel = 'log',
    private readonly write: (line: string) => void = (line) => process.stdout.write(line + '\n'),
  ) {
    this.threshold = LEVELS.indexOf(level);
  }

  log(message: unknown, ...rest: unknown[]): void {
    this.emit('log', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.emit('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.emit('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.emit('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.emit('verbose', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.emit('fatal', message, rest);
  }

  private emit(level: LogLevel, message: unknown, rest: unknown[]): void {
    if (LEVELS.indexOf(level) < this.threshold) return;
    // Nest passes the context name last, and for errors a stack before it.
    const context = typeof rest[rest.length - 1] === 'string' ? (rest.pop() as string) : undefined;
    const { redactions, ...logContext } = currentLogContext() ?? {};
    const line: Record<string, unknown> = {
      time: new Date().toISOString(),
      level,
      app: this.app,
      context,
      ...logContext,
    };
    if (message instanceof Error) {
      line.msg = message.message;
      line.stack = message.stack;
    } else if (typeof message === 'object' && message !== null) {
      Object.assign(line, message);
    } else {
      line.msg = String(message);
    }
    if (typeof rest[0] === 'string' && level === 'error') line.stack = rest[0];
    this.write(redactions ? redactJson(JSON.stringify(line), redactions) : JSON.stringify(line));
  }
}

/** A serialized line with each personal value replaced, as JSON escapes it (quotes, backslashes, control characters). */
function redactJson(json: string, redactions: readonly Redaction[]): string {
  let result = json;
  for (const { value, masked } of redactions) {
    result = result.split(JSON.stringify(value).slice(1, -1)).join(JSON.stringify(masked).slice(1, -1));
  }
  return result;
}
