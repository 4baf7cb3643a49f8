import 'reflect-metadata';
import { createEvent, EnterpriseRegisteredV1 } from '@hub/contracts';
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
});
