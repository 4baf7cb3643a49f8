import { EnterpriseRegisteredV1, PushClaimedV1, createEvent, toKafkaMessage } from '@hub/contracts';
import { deadLetterView } from './dead-letter.view';
import { DeadLetter } from './entities/dead-letter.entity';

function letterOf(value: Buffer | string, headers: Record<string, string>): DeadLetter {
  return Object.assign(new DeadLetter(), {
    id: '1',
    consumer: 'registry',
    reason: 'handler failed',
    headers,
    valueBase64: Buffer.from(value).toString('base64'),
  });
}

const registered = createEvent(
  EnterpriseRegisteredV1,
  { ...EnterpriseRegisteredV1.example, legalRepresentative: '赵铁柱' },
  { source: '/departments/SPJ/systems/registration' },
);

function headersOf(message: ReturnType<typeof toKafkaMessage>): Record<string, string> {
  return Object.fromEntries(Object.entries(message.headers).map(([name, value]) => [name, String(value)]));
}

describe('a dead letter as operators see it', () => {
  it('masks the personal data of a binary-mode event and withholds the raw value', () => {
    const message = toKafkaMessage(registered, 'binary');
    const view = deadLetterView(letterOf(message.value!, headersOf(message)));
    expect(view.value).toEqual({
      encoding: 'json',
      type: EnterpriseRegisteredV1.type,
      json: { ...registered.data, legalRepresentative: '赵**' },
    });
    expect(JSON.stringify(view)).not.toContain('赵铁柱');
    expect(view).not.toHaveProperty('valueBase64');
    expect(view).toMatchObject({ id: '1', consumer: 'registry', reason: 'handler failed' });
  });

  it('masks a structured-mode event, nested in its data, whatever else is wrong with it', () => {
    const claimed = createEvent(
      PushClaimedV1,
      { ...PushClaimedV1.example, actor: 'ZF1308000012' },
      { source: '/departments/SCJG/systems/supervision' },
    );
    const message = toKafkaMessage({ ...claimed, extra: 'refused by the contract' } as never, 'structured');
    const view = deadLetterView(letterOf(message.value!, headersOf(message)));
    expect(view.value).toMatchObject({ encoding: 'json', json: { data: { actor: 'ZF********12' } } });
  });

  it('shows what is not JSON of a registered type as it was', () => {
    const notJson = letterOf(Buffer.from([0xff, 0x00, 0x41]), {});
    expect(deadLetterView(notJson).value).toEqual({ encoding: 'base64', base64: notJson.valueBase64 });
    const unknownType = letterOf(JSON.stringify({ type: 'zone.unknown.thing.happened.v1', data: {} }), {});
    expect(deadLetterView(unknownType).value).toEqual({ encoding: 'base64', base64: unknownType.valueBase64 });
  });
});
