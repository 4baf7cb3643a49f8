import { deadLetterIdentity } from './dead-letter-identity';

describe('deadLetterIdentity (a dead letter: whose event it was)', () => {
  it('reads the binary mode headers', () => {
    expect(
      deadLetterIdentity({ ce_id: 'e-1', ce_source: '/departments/SPJ/systems/a', ce_type: 't.v1' }, null),
    ).toEqual({
      id: 'e-1',
      source: '/departments/SPJ/systems/a',
      type: 't.v1',
    });
  });

  it('reads a structured mode body', () => {
    const body = Buffer.from(JSON.stringify({ id: 'e-2', source: '/s', type: 't.v1', data: {} }));
    expect(deadLetterIdentity({ 'content-type': 'application/cloudevents+json; charset=utf-8' }, body)).toEqual({
      id: 'e-2',
      source: '/s',
      type: 't.v1',
    });
  });

  it.each([
    ['no identity at all', {}, Buffer.from('{}')],
    ['a body that is not JSON', { 'content-type': 'application/cloudevents+json' }, Buffer.from('{not json')],
    ['a body nested past any parser', { 'content-type': 'application/cloudevents+json' }, Buffer.from('['.repeat(1e6))],
    [
      'an id that is not a string',
      { 'content-type': 'application/cloudevents+json' },
      Buffer.from('{"id":1,"source":"/s"}'),
    ],
  ])('knows nothing of %s', (_, headers: Record<string, string>, value) => {
    expect(deadLetterIdentity(headers, value)).toBeUndefined();
  });
});
