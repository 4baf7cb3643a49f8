import { Type, plainToInstance } from 'class-transformer';
import { IsInt, IsOptional, IsString, ValidateNested, validateSync } from 'class-validator';
import { EVENT_TYPES } from '../events/event-types';
import { payloadAcceptor } from './payload-acceptor';

/** What the slow path says: the payload's errors under the registry's rules. */
const classValidatorAccepts = (cls: new () => object, value: object): boolean =>
  validateSync(plainToInstance(cls, value), { whitelist: true, forbidNonWhitelisted: true }).length === 0;

/** Values to put in each property in turn: acceptable ones for some properties, and every kind of wrong. */
const PROBES: unknown[] = [
  undefined,
  null,
  '',
  ' ',
  'x',
  'x'.repeat(600),
  0,
  1.5,
  -1,
  true,
  {},
  [],
  [{}],
  ['x'],
  { code: 'C-1', text: 'promise' },
  [{ code: 'C-1', text: 'promise' }],
  [{ code: 'C-1', text: 'promise', extra: 1 }],
  [{ code: 'C 1', text: 'promise' }],
  [[{ code: 'C-1', text: 'promise' }]],
  '91130871MA0CXQ123U',
  '91130871MA0CXQ123X',
  '2026-11-27',
  '2026-02-30',
  '2026-11-27T08:00:00Z',
  '2026-11-27T08:00:00+08:00',
  '2026-11-27 08:00:00',
  'SPJ-SPXK-001',
  'spj-spxk-001',
  'SCJG',
  'NOPE',
  'compliant',
  'BENCH-1',
];

/** Each example with one property replaced by each probe, one added, and its nested items changed. */
function variants(example: Record<string, unknown>): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [example, { ...example, unexpected: 'x' }];
  for (const name of [...Object.keys(example), 'commitments', 'validUntil', 'reason', 'result']) {
    for (const probe of PROBES) {
      const variant: Record<string, unknown> = { ...example, [name]: probe };
      if (probe === undefined) delete variant[name];
      out.push(variant);
    }
  }
  return out;
}

describe('payloadAcceptor', () => {
  it('compiles every contract’s payload class, and takes its example', () => {
    for (const definition of EVENT_TYPES) {
      const accepts = payloadAcceptor(definition.payload);
      expect({ type: definition.type, compiled: accepts !== undefined }).toEqual({
        type: definition.type,
        compiled: true,
      });
      expect({ type: definition.type, example: accepts!(definition.example) }).toEqual({
        type: definition.type,
        example: true,
      });
    }
  });

  it('says yes only where class-validator finds nothing, for every contract and every variant', () => {
    let accepted = 0;
    let refused = 0;
    for (const definition of EVENT_TYPES) {
      const accepts = payloadAcceptor(definition.payload)!;
      for (const variant of variants(definition.example as Record<string, unknown>)) {
        const slow = classValidatorAccepts(definition.payload as new () => object, variant);
        const fast = accepts(variant);
        if (fast) {
          accepted++;
          expect({ type: definition.type, variant, slow }).toEqual({ type: definition.type, variant, slow: true });
        } else refused++;
        // Both ways agree where the fast path has an answer to give; a refusal is only "ask class-validator".
        expect({ type: definition.type, variant, fast }).toEqual({ type: definition.type, variant, fast: slow });
      }
    }
    // The variants include acceptable and unacceptable payloads, so neither comparison is vacuous.
    expect(accepted).toBeGreaterThan(EVENT_TYPES.length * 3);
    expect(refused).toBeGreaterThan(EVENT_TYPES.length * 20);
  });

  it('refuses a member named after one of every object’s, which class-validator’s whitelist lets through', () => {
    for (const definition of EVENT_TYPES) {
      expect(payloadAcceptor(definition.payload)!({ ...definition.example, constructor: 'x' })).toBe(false);
    }
  });

  it('leaves to class-validator a class whose copy plainToInstance would change', () => {
    class WithDefault {
      @IsString()
      @IsOptional()
      status?: string = 'new';
    }
    class Converted {
      @IsInt()
      @Type(() => Number)
      count!: number;
    }
    class SelfNested {
      @ValidateNested()
      @Type(() => SelfNested)
      @IsOptional()
      child?: SelfNested;
    }
    class WithoutRules {}
    for (const cls of [WithDefault, Converted, SelfNested, WithoutRules]) expect(payloadAcceptor(cls)).toBeUndefined();
  });
});
