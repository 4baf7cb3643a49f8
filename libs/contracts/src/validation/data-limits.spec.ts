import 'reflect-metadata';
import { withinStepBound } from '@hub/testing';
import { LicenceGrantedV1 } from '../events/approval/licence-granted-v1/licence-granted-v1.event';
import { eventTypeRegistry } from '../events/event-types';
import { createEvent } from '../registry/create-event';
import { dataLimitErrors } from './data-limits';
import { EventLimits } from './limits';

const failures = (data: unknown) => dataLimitErrors(data).map((e) => `${e.field}:${e.rule}`);

/** `{ a: { a: … { a: leaf } } }`, `levels` objects deep. */
function nested(levels: number, leaf: unknown = 1): unknown {
  let value = leaf;
  for (let i = 0; i < levels; i++) value = { a: value };
  return value;
}

describe('the limits every payload is held to', () => {
  it('accepts every contract example', () => {
    for (const definition of eventTypeRegistry.all()) expect(failures(definition.example)).toEqual([]);
  });

  it('refuses nesting deeper than the limit, naming where it goes too deep', () => {
    expect(failures(nested(EventLimits.dataDepth))).toEqual([]);
    expect(failures(nested(EventLimits.dataDepth + 1))).toEqual([`data${'.a'.repeat(EventLimits.dataDepth)}:maxDepth`]);
    expect(failures({ list: [[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]] })).toEqual([`data.list${'[0]'.repeat(15)}:maxDepth`]);
  });

  it('refuses 2 000 and 200 000 levels without exhausting the stack, within the step bound', () => {
    expect(withinStepBound(() => failures(nested(2_000)))).toHaveLength(1);
    expect(withinStepBound(() => failures(nested(200_000)))).toHaveLength(1);
  });

  it('walks a wide payload in one pass, within the step bound', () => {
    const wide = Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`k${i}`, nested(15, 'x')]));
    expect(withinStepBound(() => failures(wide))).toEqual([]);
  });

  it('refuses NUL and unpaired surrogates in string values and in property names, anywhere', () => {
    expect(failures({ name: 'a\u0000b' })).toEqual(['data.name:noNul']);
    expect(failures({ list: [{ text: 'x\ud800' }] })).toEqual(['data.list[0].text:noLoneSurrogate']);
    expect(failures({ deep: { ['a\u0000']: 1 } })).toEqual(['data.deep["a\\u0000"]:noNul']);
    expect(failures({ ['\udc00']: 1 })).toEqual(['data["\\udc00"]:noLoneSurrogate']);
    expect(failures({ name: '企业\ud83d\ude00' })).toEqual([]);
  });

  it('refuses over-long strings, property names and arrays', () => {
    const long = 'x'.repeat(EventLimits.dataStringLength + 1);
    expect(failures({ name: long.slice(1), other: long })).toEqual(['data.other:maxLength']);
    const key = 'k'.repeat(EventLimits.dataKeyLength + 1);
    expect(failures({ [key]: 1 })).toEqual([`data.${key.slice(1)}…:maxLength`]);
    expect(failures({ list: Array(EventLimits.dataArrayLength).fill(1) })).toEqual([]);
    expect(failures({ list: Array(EventLimits.dataArrayLength + 1).fill(1) })).toEqual(['data.list:maxItems']);
  });

  it('names the first ten problems of a payload full of them', () => {
    expect(failures(Array(500).fill('\u0000'))).toHaveLength(10);
  });

  it('is what the registry answers, before the payload class', () => {
    const event = createEvent(LicenceGrantedV1, LicenceGrantedV1.example, {
      id: 'e-1',
      source: '/departments/SPJ/systems/x',
    });
    const errors = eventTypeRegistry.validate({
      ...event,
      data: { ...LicenceGrantedV1.example, extra: nested(2_000) },
    });
    expect(errors.errors.map((e) => e.rule)).toEqual(['maxDepth']);
    const nul = eventTypeRegistry.validate({ ...event, data: { ...LicenceGrantedV1.example, licenceNo: 'A\u0000' } });
    expect(nul.errors.map((e) => `${e.field}:${e.rule}`)).toEqual(['data.licenceNo:noNul']);
  });

  it('refuses null from a publisher, naming the field, and reads it as absent for a consumer', () => {
    const event = createEvent(LicenceGrantedV1, LicenceGrantedV1.example, {
      id: 'e-2',
      source: '/departments/SPJ/systems/x',
    });
    // validUntil is optional: left out it is fine, null is not one of its values (the JSON Schema types it string).
    const withNull = { ...event, data: { ...LicenceGrantedV1.example, validUntil: null } };
    const strict = eventTypeRegistry.validate(withNull);
    expect(strict.errors.map((e) => `${e.field}:${e.rule}`)).toEqual(['data.validUntil:notNull']);
    expect(eventTypeRegistry.validate(withNull, { unknownProperties: 'accept' }).errors).toEqual([]);
    expect(failures({ list: [1, null] })).toEqual([]);
    expect(dataLimitErrors({ list: [1, null] }, 'data', { refuseNull: true }).map((e) => e.field)).toEqual([
      'data.list[1]',
    ]);
  });
});
