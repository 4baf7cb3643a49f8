import 'reflect-metadata';
import {
  EVENT_TYPES,
  EnterpriseRegisteredV1,
  EventLimits,
  PushClaimRequestedV1,
  eventTypeRegistry,
} from '@hub/contracts';
import { CatalogueService } from './catalogue.service';

describe('CatalogueService', () => {
  const catalogue = new CatalogueService();

  it("states with every type the limits events are held to beyond the type's schema", () => {
    for (const view of catalogue.list()) expect(view.limits).toEqual(EventLimits);
    expect(catalogue.get(EnterpriseRegisteredV1.type)!.limits).toMatchObject({ identifierLength: 256, dataDepth: 16 });
  });

  it('lists every registered event type, sorted by name', () => {
    const types = catalogue.list().map((v) => v.type);
    expect(types).toEqual(EVENT_TYPES.map((d) => d.type).sort());
  });

  it('describes a type with its owner, topic, key, schema and a whole example event', () => {
    const view = catalogue.get(EnterpriseRegisteredV1.type)!;
    expect(view).toMatchObject({
      type: 'zone.approval.enterprise.registered.v1',
      version: 1,
      owner: 'SPJ',
      ownerName: '审批局',
      topic: 'zone.approval.enterprise.v1',
      key: 'uscc',
      schema: eventTypeRegistry.jsonSchema(EnterpriseRegisteredV1.type),
    });
    expect(view.example).toMatchObject({
      specversion: '1.0',
      source: '/departments/SPJ/systems/example',
      department: 'SPJ',
      subject: EnterpriseRegisteredV1.example.uscc,
      data: EnterpriseRegisteredV1.example,
    });
  });

  it("gives an each-department type's example as the example department's system sends it", () => {
    const view = catalogue.get(PushClaimRequestedV1.type)!;
    expect(view).toMatchObject({ owner: 'each-department', topic: 'zone.supervision.push.v1' });
    expect(view.ownerName).toBeUndefined();
    expect(view.example).toMatchObject({ source: '/departments/SCJG/systems/example', department: 'SCJG' });
  });

  it('gives examples that pass the contract validation the gateway applies', () => {
    for (const view of catalogue.list()) expect(eventTypeRegistry.validate(view.example).errors).toEqual([]);
  });

  it('filters by owner and topic, and knows nothing of unregistered types', () => {
    expect(catalogue.list({ owner: 'SPJ' }).length).toBe(EVENT_TYPES.filter((d) => d.owner === 'SPJ').length);
    expect(catalogue.list({ owner: 'SCJG' }).every((v) => v.owner === 'SCJG')).toBe(true);
    expect(catalogue.list({ topic: 'zone.nowhere.thing.v1' })).toEqual([]);
    expect(catalogue.get('zone.approval.enterprise.vanished.v1')).toBeUndefined();
  });
});
