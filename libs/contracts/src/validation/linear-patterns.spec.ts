import { withinStepBound } from '@hub/testing';
import { validateEnvelope } from '../cloudevents/cloud-event.envelope';
import { percentDecode } from '../cloudevents/http.codec';
import { fromJsonFormat } from '../cloudevents/json-format.codec';
import { eventTypeRegistry } from '../events/event-types';
import { isLicenceId } from '../identifiers/licence-id';
import { isUscc } from '../identifiers/uscc';
import { isEventTypeName, parseTopicName } from '../registry/naming';
import {
  isAbsoluteUri,
  isCalendarDate,
  isCloudEventsString,
  isMediaType,
  isRfc3339Timestamp,
  isTraceparent,
  isUriReference,
} from './formats';

// Each input is built to make its pattern backtrack if it can: a long run that almost matches, then a character that
// fails it. A linear check takes milliseconds for any of them; an exponential one (as the media type pattern was, at
// 2^n for n repetitions of ' ;') would not return in years, so the bound is a ceiling far above the first and far
// below the second.
const N = 50_000;

describe('the patterns applied to outside input are linear', () => {
  it.each<[string, (value: string) => unknown, string]>([
    ['media type, blanks and semicolons', isMediaType, `a/b;${' ;'.repeat(N)}\u0001`],
    ['media type, blanks', isMediaType, `a/b;${' '.repeat(N)}\u0001`],
    ['media type, unterminated quoted value', isMediaType, `a/b; x="${'\\"'.repeat(N)}`],
    ['media type, parameter without value', isMediaType, `a/b; ${'x'.repeat(N)}`],
    ['media type, parameters', isMediaType, `a/b${'; x=y'.repeat(N)}; \u0001`],
    ['timestamp', isRfc3339Timestamp, `2026-01-01T00:00:00.${'1'.repeat(N)}Q`],
    ['calendar date', isCalendarDate, `${'2'.repeat(N)}-01-01`],
    ['URI-reference, percent-encoding', isUriReference, `http://x/${'%41'.repeat(N)}%4`],
    ['URI-reference, IP literal', isUriReference, `//${'@'.repeat(N)}[${':'.repeat(N)}x]`],
    ['absolute URI', isAbsoluteUri, `${'a+'.repeat(N)}!`],
    ['traceparent', isTraceparent, `00-${'1'.repeat(32)}-${'1'.repeat(16)}-01${'-'.repeat(N)}`],
    ['CloudEvents String', isCloudEventsString, `${'\ud800\udc00'.repeat(N)}\ud800`],
    ['event type', isEventTypeName, `zone.${'a-'.repeat(N)}!`],
    ['event type, segments', isEventTypeName, `zone.a.b.${'c-1'.repeat(N)}.v`],
    ['topic', (value) => parseTopicName(value), `zone.a.${'b-'.repeat(N)}.v1!`],
    ['USCC', isUscc, '9'.repeat(N)],
    ['licence id', isLicenceId, `1.2.156.3005.2.${'9'.repeat(N)}`],
    ['percent-decoding', (value) => percentDecode(value, 'id'), `"${'%41\\a'.repeat(N)}%4"`],
    ['extension attribute name', (value) => validateEnvelope({ [value]: 1 }), `${'a'.repeat(N)}A`],
    [
      'base64 data',
      (value) =>
        fromJsonFormat({ specversion: '1.0', id: '1', source: '/s', type: 'zone.a.b.c.v1', data_base64: value }),
      `${'AAAA'.repeat(N)}A=`,
    ],
  ])('%s', (_name, check, adversarial) => {
    expect(() => withinStepBound(() => check(adversarial))).not.toThrow();
  });

  it('every string field of every contract, and every attribute, is judged within the bound', () => {
    const adversarial = [`${'A-'.repeat(N)}!`, `${'a.'.repeat(N)}\u0000`, `${' '.repeat(N)}x`, `${'9'.repeat(N)}:`];
    for (const definition of eventTypeRegistry.all()) {
      const example = definition.example as Record<string, unknown>;
      const base = { specversion: '1.0', id: 'x', source: '/s', type: definition.type, subject: 'x' };
      for (const value of adversarial) {
        for (const attribute of ['id', 'source', 'subject', 'time', 'datacontenttype', 'dataschema', 'traceparent']) {
          withinStepBound(() => eventTypeRegistry.validate({ ...base, [attribute]: value, data: example }));
        }
        for (const [field, current] of Object.entries(example)) {
          if (typeof current !== 'string') continue;
          withinStepBound(() => eventTypeRegistry.validate({ ...base, data: { ...example, [field]: value } }));
        }
      }
    }
  });
});
