import { Type } from 'class-transformer';
import { IsString, ValidateNested } from 'class-validator';
import { EnterpriseRegisteredV1 } from '../events/approval/enterprise-registered-v1/enterprise-registered-v1.event';
import { EnterpriseRegisteredV1Payload } from '../events/approval/enterprise-registered-v1/enterprise-registered-v1.payload';
import { EVENT_TYPES, eventTypeRegistry } from '../events/event-types';
import { PushClaimedV1Payload } from '../events/supervision/push-claimed-v1/push-claimed-v1.payload';
import {
  PERSONAL_DATA_KEYWORD,
  PersonalData,
  maskPersonalData,
  maskValue,
  personalDataPaths,
  personalValuesOf,
  redact,
} from './personal-data';

class Officer {
  @PersonalData('name')
  @IsString()
  name!: string;

  @PersonalData('identifier')
  @IsString()
  certificate!: string;

  @IsString()
  rank!: string;
}

class Visit {
  @IsString()
  place!: string;

  @ValidateNested({ each: true })
  @Type(() => Officer)
  officers!: Officer[];

  @ValidateNested()
  @Type(() => Officer)
  lead!: Officer;
}

class SpecialVisit extends Visit {
  @PersonalData('identifier')
  @IsString()
  witness!: string;
}

describe('personal data (可用不可见)', () => {
  it('masks a name down to its surname and an identifier to its ends', () => {
    expect(maskValue('name', '张三丰')).toBe('张**');
    expect(maskValue('name', '欧')).toBe('*');
    expect(maskValue('identifier', '13010219800101123X')).toBe('13**************3X');
    expect(maskValue('identifier', 'ZF-0001')).toBe('*******');
    expect(maskValue('identifier', 42)).toBe('***');
  });

  it('masks marked properties of nested objects, arrays and ancestors, and leaves the rest and the input alone', () => {
    const lead = { name: '李四', certificate: 'ZF13080012345678', rank: '科员' };
    const visit = { place: '承德', officers: [{ ...lead, name: '王小明' }], lead, witness: 'W130800000001' };
    const masked = maskPersonalData(SpecialVisit, visit);
    expect(masked).toEqual({
      place: '承德',
      officers: [{ name: '王**', certificate: 'ZF************78', rank: '科员' }],
      lead: { name: '李*', certificate: 'ZF************78', rank: '科员' },
      witness: 'W1*********01',
    });
    expect(visit.lead.name).toBe('李四');
    expect(maskPersonalData(Visit, visit).witness).toBe('W130800000001'); // marked only on the subclass
  });

  it('lists the marked paths of a class', () => {
    expect(personalDataPaths(SpecialVisit)).toEqual(
      expect.arrayContaining([
        { path: 'witness', kind: 'identifier' },
        { path: 'officers.name', kind: 'name' },
        { path: 'lead.certificate', kind: 'identifier' },
      ]),
    );
  });

  it('redacts every personal value of a payload from text, longest first', () => {
    const data = { ...EnterpriseRegisteredV1.example, legalRepresentative: '张三' };
    const values = personalValuesOf(EnterpriseRegisteredV1Payload, data);
    expect(values).toEqual([{ value: '张三', masked: '张*' }]);
    expect(redact('duplicate key: legal_representative=(张三), again 张三', values)).toBe(
      'duplicate key: legal_representative=(张*), again 张*',
    );
  });

  it('marks the contracts: legal representatives and the officers who act on a push', () => {
    expect(personalDataPaths(EnterpriseRegisteredV1Payload)).toEqual([{ path: 'legalRepresentative', kind: 'name' }]);
    expect(personalDataPaths(PushClaimedV1Payload)).toContainEqual({ path: 'actor', kind: 'identifier' });
  });

  it('shows the marks in the JSON Schema of every type that carries them', () => {
    const schema = eventTypeRegistry.jsonSchema(EnterpriseRegisteredV1.type) as {
      properties: Record<string, Record<string, unknown>>;
    };
    expect(schema.properties['legalRepresentative']?.[PERSONAL_DATA_KEYWORD]).toBe('name');
    for (const definition of EVENT_TYPES) {
      const properties = (eventTypeRegistry.jsonSchema(definition.type) as { properties: Record<string, object> })
        .properties;
      for (const { path, kind } of personalDataPaths(definition.payload)) {
        if (path.includes('.')) continue; // nested marks sit in the definitions
        expect([definition.type, path, properties[path]]).toEqual([
          definition.type,
          path,
          expect.objectContaining({ [PERSONAL_DATA_KEYWORD]: kind }),
        ]);
      }
    }
  });
});
