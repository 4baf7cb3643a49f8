import { LoggerService } from '@nestjs/common';
import { logLevel, LogEntry } from 'kafkajs';

/** Routes kafkajs's own log lines into the app's JSON logger. */
export function kafkaLogCreator(logger: LoggerService) {
  return () =>
    ({ namespace, level, log }: LogEntry): void => {
      const { message, ...fields } = log;
      const line = { msg: message, kafka: namespace, ...fields };
      if (level === logLevel.ERROR) logger.error(line, 'kafkajs');
      else if (level === logLevel.WARN) logger.warn(line, 'kafkajs');
      else logger.debug?.(line, 'kafkajs');
    };
}
