import 'reflect-metadata';
import { createEvent, EnterpriseRegisteredV1, toKafkaMessage } from '@hub/contracts';
import { contractsCatalog } from './contracts-catalog';

describe('contractsCatalog', () => {
  const catalog = contractsCatalog();
  const event = createEvent(EnterpriseRegisteredV1, EnterpriseRegisteredV1.example, {
    id: 'e-1',
    source: '/departments/SPJ/systems/x',
  });

  it("keys a record by the contract's key property, whatever partitionkey the event carries", () => {
    for (const partitionkey of [undefined, 'chosen-by-the-publisher']) {
      const record = catalog.encode({ ...event, partitionkey });
      expect(record.key).toBe(EnterpriseRegisteredV1.example.uscc);
      expect(record.headers['ce_partitionkey']).toBe(EnterpriseRegisteredV1.example.uscc);
    }
  });

  it('decodes strictly at the door and tolerantly for consumers: a property a later build added', () => {
    const newer = toKafkaMessage({ ...event, data: { ...EnterpriseRegisteredV1.example, addedLater: 'x' } }, 'binary');
    const strict = catalog.decode(newer);
    expect(strict.ok).toBe(false);
    expect(strict.ok === false && strict.errors.map((e) => `${e.field}:${e.rule}`)).toEqual([
      'data.addedLater:whitelistValidation',
    ]);
    const read = catalog.decodeFor(newer, () => true);
    expect(read.ok).toBe(true);
    expect(read.ok === true && read.event.data).toEqual({ ...EnterpriseRegisteredV1.example, addedLater: 'x' });
  });
});
