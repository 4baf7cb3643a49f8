import 'reflect-metadata';
import { validateSync } from 'class-validator';
import { IsLicenceId, isLicenceId, licenceIdCheckChar, makeLicenceId, parseLicenceId } from './licence-id';

const EXAMPLE = '1.2.156.3005.2.11100000000013338W032.11220000013544541J.2430599.001.F';

describe('证照标识 (GB/T 36904-2018)', () => {
  it('validates the real example and returns its parts', () => {
    expect(parseLicenceId(EXAMPLE)).toEqual({
      valid: true,
      parts: {
        typeCode: '11100000000013338W032',
        definingBody: '11100000000013338W',
        issuer: '11220000013544541J',
        serial: '2430599',
        version: '001',
        check: 'F',
      },
      usccChecksumsOk: true,
    });
    expect(isLicenceId(EXAMPLE)).toBe(true);
  });

  it('computes F for the example with ISO/IEC 7064 MOD 37,36', () => {
    expect(licenceIdCheckChar('11100000000013338W032' + '11220000013544541J' + '2430599' + '001')).toBe('F');
  });

  it('follows the hybrid recursion on a short input', () => {
    // "A" (10): P0 = 36; S = (36 + 10) mod 36 = 10; P1 = 10×2 mod 37 = 20; check = (37 − 20) mod 36 = 17 → H
    expect(licenceIdCheckChar('A')).toBe('H');
    // "0": S = 36 mod 36 = 0 → 36; P1 = 72 mod 37 = 35; check = (37 − 35) mod 36 = 2
    expect(licenceIdCheckChar('0')).toBe('2');
  });

  it('catches every single-character change (substitutions, dots included)', () => {
    const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ.a';
    let tried = 0;
    for (let i = 0; i < EXAMPLE.length; i++) {
      for (const ch of alphabet) {
        if (ch === EXAMPLE[i]) continue;
        const mutated = EXAMPLE.slice(0, i) + ch + EXAMPLE.slice(i + 1);
        expect({ mutated, valid: parseLicenceId(mutated).valid }).toEqual({ mutated, valid: false });
        tried++;
      }
    }
    expect(tried).toBe(EXAMPLE.length * 37);
  });

  it('catches a dropped or an added character', () => {
    for (let i = 0; i < EXAMPLE.length; i++) {
      expect(parseLicenceId(EXAMPLE.slice(0, i) + EXAMPLE.slice(i + 1)).valid).toBe(false);
    }
    expect(parseLicenceId(EXAMPLE.replace('.2430599.', '.24305990.')).valid).toBe(false);
  });

  it.each([
    ['1.2.156.3005.3.11100000000013338W032.11220000013544541J.2430599.001.F', /starts with 1.2.156.3005.2/],
    ['1.2.156.3005.2.11100000000013338W032.11220000013544541J.2430599.F', /five fields/],
    ['1.2.156.3005.2.11100000000013338W32.11220000013544541J.2430599.001.F', /type code/],
    ['1.2.156.3005.2.11100000000013338W032.1122000001354454IJ.2430599.001.F', /issuer: "I"/],
    ['1.2.156.3005.2.11100000000013338W032.11220000013544541J.2430599.01.F', /version/],
    ['1.2.156.3005.2.11100000000013338W032.11220000013544541J.24-0599.001.F', /serial/],
    ['1.2.156.3005.2.11100000000013338W032.11220000013544541J.2430599.001.G', /MOD 37,36 gives F/],
  ])('explains why %s is refused', (id, reason) => {
    const parsed = parseLicenceId(id);
    expect(parsed.valid).toBe(false);
    if (!parsed.valid) expect(parsed.reason).toMatch(reason);
  });

  it('makeLicenceId builds the example back from its parts', () => {
    expect(
      makeLicenceId({
        typeCode: '11100000000013338W032',
        issuer: '11220000013544541J',
        serial: '2430599',
        version: '001',
      }),
    ).toBe(EXAMPLE);
  });

  it('makeLicenceId refuses malformed parts', () => {
    expect(() =>
      makeLicenceId({
        typeCode: '11100000000013338W032',
        issuer: '11220000013544541J',
        serial: '2430599',
        version: '1',
      }),
    ).toThrow(/version/);
    expect(() =>
      makeLicenceId({
        typeCode: '11100000000013338W032',
        issuer: '1122000001354454',
        serial: '2430599',
        version: '001',
      }),
    ).toThrow(/issuer/);
  });

  it('keeps an identifier whose issuer is a pilot code with a bad check, flagged', () => {
    const id = makeLicenceId({
      typeCode: '11100000000013338W032',
      issuer: '11220000013544541K',
      serial: '7',
      version: '002',
    });
    expect(parseLicenceId(id)).toMatchObject({ valid: true, usccChecksumsOk: false });
  });

  it('@IsLicenceId names its rule and the reason', () => {
    class Holder {
      @IsLicenceId()
      licenceId!: string;
    }
    const ok = validateSync(Object.assign(new Holder(), { licenceId: EXAMPLE }));
    const bad = validateSync(Object.assign(new Holder(), { licenceId: EXAMPLE.replace(/F$/, '0') }));
    expect(ok).toEqual([]);
    expect(bad[0]?.constraints).toEqual({
      isLicenceId: expect.stringMatching(/licenceId must be a 证照标识 \(GB\/T 36904-2018\): check character is "0"/),
    });
  });
});
