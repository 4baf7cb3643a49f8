import 'reflect-metadata';
import { personalDataPaths } from '../../privacy/personal-data';
import { createEvent } from '../../registry/create-event';
import { eventTypeRegistry } from '../event-types';
import { ELicenceIssuedV1 } from './licence-issued-v1/licence-issued-v1.event';
import { LicenceRecordBase } from './licence-record.base';
import { isPersonId } from './person-id';
import { licenceFileBytes, licenceFileContent } from './licence-record.base';

const REGISTRY_TYPES = eventTypeRegistry.all().filter((d) => d.name.domain === 'registry');
const failures = (change: object): string[] => {
  const event = createEvent(ELicenceIssuedV1, { ...ELicenceIssuedV1.example, ...change } as never, {
    source: '/departments/SPJ/systems/licences',
  });
  return eventTypeRegistry.validate(event).errors.map((e) => `${e.field}:${e.rule}`);
};

describe('the registry topics of 电子证照 / 电子印章', () => {
  it('carries e-licences and e-seals from each issuing department, and the registry app’s gaps', () => {
    expect(REGISTRY_TYPES.map((d) => [d.type, d.owner, d.key])).toEqual([
      ...['issued', 'changed', 'renewed', 'suspended', 'expired', 'revoked', 'cancelled'].map((verb) => [
        `zone.registry.e-licence.${verb}.v1`,
        'each-department',
        'licenceId',
      ]),
      ...['made', 'changed', 'filed', 'cancelled'].map((verb) => [
        `zone.registry.seal.${verb}.v1`,
        'each-department',
        'uscc',
      ]),
      ['zone.registry.gap.opened.v1', 'registry', 'gapId'],
      ['zone.registry.gap.closed.v1', 'registry', 'gapId'],
    ]);
  });

  it.each(REGISTRY_TYPES.map((d) => [d.type, d] as const))('%s has an example that validates', (_, d) => {
    expect(eventTypeRegistry.validate(createEvent(d, d.example, { source: '/apps/registry' })).errors).toEqual([]);
  });

  it('marks a natural person holder’s name and ID number as personal data', () => {
    expect(personalDataPaths(LicenceRecordBase)).toEqual([
      { path: 'personName', kind: 'name' },
      { path: 'personIdNumber', kind: 'identifier' },
    ]);
  });

  it('keeps a record whose 证照标识 has a wrong check character (真实有效 names it), refuses what is no 证照标识', () => {
    expect(failures({ licenceId: ELicenceIssuedV1.example.licenceId.replace(/F$/, 'G') })).toEqual([]);
    expect(failures({ licenceId: 'JY11308710000123' })).toEqual(['data.licenceId:matches']);
  });

  it('needs the enterprise’s code for an enterprise holder, the person’s name and valid ID number for a person', () => {
    expect(failures({ holderUscc: undefined })).toEqual(['data.holderUscc:isString']);
    expect(failures({ holderKind: 'person', holderUscc: undefined, holderName: undefined })).toEqual([
      'data.personName:isString',
      'data.personIdNumber:isString',
    ]);
    const person = { holderKind: 'person', holderUscc: undefined, holderName: undefined, personName: '张三' };
    expect(failures({ ...person, personIdNumber: '11010519491231002X' })).toEqual([]);
    expect(failures({ ...person, personIdNumber: '110105194912310021' })).toEqual(['data.personIdNumber:isPersonId']);
  });

  it('checks 公民身份号码 by ISO 7064 MOD 11-2', () => {
    expect(isPersonId('11010519491231002X')).toBe(true);
    expect(isPersonId('110105194912310020')).toBe(false);
    expect(isPersonId('1101051949123100')).toBe(false);
  });

  it('names a digest that is no SM3 hex and a signature that is no base64', () => {
    expect(failures({ fileDigest: 'abc' })).toEqual(['data.fileDigest:matches']);
    expect(failures({ signature: '***not base64***' })).toEqual(['data.signature:isBase64']);
  });
});

describe('a licence file in an event', () => {
  it('travels in chunks the hub takes: 100 KiB of file validates, every chunk within the string limit', () => {
    const bytes = Buffer.alloc(100 * 1024, 7);
    const content = licenceFileContent(bytes);
    expect(content.every((c) => c.length <= 4096)).toBe(true);
    expect(licenceFileBytes({ content }).equals(bytes)).toBe(true);
    expect(failures({ file: { mediaType: 'application/ofd', content } })).toEqual([]);
  });

  it('names a chunk that is no base64', () => {
    expect(failures({ file: { mediaType: 'application/ofd', content: ['abc'] } })).toEqual([
      'data.file.content:isBase64',
    ]);
  });
});
