import { DeadLetterFilter } from '../dead-letters.repository';
import { DeadLetterFilterQuery } from './list-dead-letters.query';

/** The API's filter names as the repository takes them. */
export function filterOf(query: DeadLetterFilterQuery): DeadLetterFilter {
  return {
    originalTopic: query.topic,
    consumer: query.consumer,
    status: query.status,
    department: query.department,
    eventType: query.type,
    reason: query.reason,
    from: query.from,
    to: query.to,
  };
}
