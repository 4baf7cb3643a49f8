// Event types are `zone.<domain>.<aggregate>.<verb>.v<N>` and topics `zone.<domain>.<aggregate>.v<N>`;
// segments are lower-case words, kebab-case when they need several.
const SEGMENT = '[a-z][a-z0-9]*(?:-[a-z0-9]+)*';
export const EVENT_TYPE_PATTERN = new RegExp(`^zone\\.(${SEGMENT})\\.(${SEGMENT})\\.(${SEGMENT})\\.v([1-9][0-9]*)$`);
export const TOPIC_PATTERN = new RegExp(`^zone\\.(${SEGMENT})\\.(${SEGMENT})\\.v([1-9][0-9]*)$`);
export const EVENT_TYPE_RULE = 'isEventType';

export interface EventTypeName {
  readonly domain: string;
  readonly aggregate: string;
  readonly verb: string;
  readonly version: number;
}

export interface TopicName {
  readonly domain: string;
  readonly aggregate: string;
  readonly version: number;
}

export function parseEventTypeName(type: string): EventTypeName | undefined {
  const m = EVENT_TYPE_PATTERN.exec(type);
  if (!m) return undefined;
  return { domain: m[1] as string, aggregate: m[2] as string, verb: m[3] as string, version: Number(m[4]) };
}

export function parseTopicName(topic: string): TopicName | undefined {
  const m = TOPIC_PATTERN.exec(topic);
  if (!m) return undefined;
  return { domain: m[1] as string, aggregate: m[2] as string, version: Number(m[3]) };
}

export function isEventTypeName(value: unknown): value is string {
  return typeof value === 'string' && EVENT_TYPE_PATTERN.test(value);
}
