import 'reflect-metadata';
import { validateSync } from 'class-validator';
import { IsUscc, USCC_ALPHABET, isUscc, makeUscc, parseUscc, usccCheckChar } from './uscc';

describe('统一社会信用代码 (GB 32100-2015)', () => {
  describe('usccCheckChar', () => {
    it('computes the check of 91130871MA0CXQ123U (the signing spec’s subject)', () => {
      // values  9 1 1  3  0   8   7  1  M=21 A=10 0 C=12 X=29 Q=24  1  2  3
      // weights 1 3 9 27 19  26  16 17   20   29 25   13    8   24 10 30 28
      // Σ = 9+3+9+81+0+208+112+17+420+290+0+156+232+576+10+60+84 = 2267; 2267 mod 31 = 4; 31−4 = 27 → U
      expect(usccCheckChar('91130871MA0CXQ123')).toBe('U');
    });

    it('computes the check of 11100000000013338W (type code body of the licence id example)', () => {
      // Σ = 1+3+9 + 1×8 + 3×24 + 3×10 + 3×30 + 8×28 = 437; 437 mod 31 = 3; 31−3 = 28 → W
      expect(usccCheckChar('11100000000013338')).toBe('W');
    });

    it('computes the check of 11220000013544541J (issuer of the licence id example)', () => {
      // Σ = 1+3+18+54 + 1×29+3×25+5×13+4×8+4×24+5×10+4×30+1×28 = 571; 571 mod 31 = 13; 31−13 = 18 → J
      expect(usccCheckChar('11220000013544541')).toBe('J');
    });

    it('gives 0, not 31, when the weighted sum is a multiple of 31', () => {
      // 17 zeros: Σ = 0, (31 − 0) mod 31 = 0
      expect(usccCheckChar('00000000000000000')).toBe('0');
    });

    it('refuses input that is not 17 characters of the alphabet', () => {
      expect(() => usccCheckChar('9113087')).toThrow(RangeError);
      expect(() => usccCheckChar('91130871MA0CXQ12I')).toThrow(/alphabet|17 characters/);
      expect(() => usccCheckChar('91130871ma0cxq123')).toThrow(RangeError);
    });
  });

  describe('parseUscc', () => {
    it.each(['91130871MA0CXQ123U', '11100000000013338W', '11220000013544541J'])(
      'accepts %s with a good check',
      (code) => {
        expect(parseUscc(code)).toEqual({ valid: true, checksumOk: true });
      },
    );

    it('keeps a well-formed code with a bad check, flagged (early pilot codes)', () => {
      const parsed = parseUscc('91130871MA0CXQ123X');
      expect(parsed.valid).toBe(true);
      expect(parsed.checksumOk).toBe(false);
      expect(parsed.reason).toMatch(/MOD 31 gives U/);
    });

    it.each([
      ['91130871MA0CXQ123', /18 characters, got 17/],
      ['91130871MA0CXQ123UU', /18 characters, got 19/],
      ['91130871MA0CXQ12IU', /"I" is not in the GB 32100-2015 alphabet/],
      ['91130871MA0CXQ12OU', /"O"/],
      ['91130871MA0CXQ12SU', /"S"/],
      ['91130871MA0CXQ12VU', /"V"/],
      ['91130871MA0CXQ12ZU', /"Z"/],
      ['91130871ma0cxq123u', /not in the GB 32100-2015 alphabet/],
    ])('rejects %s', (code, reason) => {
      const parsed = parseUscc(code);
      expect(parsed).toMatchObject({ valid: false, checksumOk: false });
      expect(parsed.reason).toMatch(reason);
    });

    it('rejects non-strings', () => {
      expect(parseUscc(91130871).valid).toBe(false);
      expect(parseUscc(undefined).valid).toBe(false);
    });

    it('catches every single-character substitution (the weights are units mod 31)', () => {
      const code = '91130871MA0CXQ123U';
      for (let i = 0; i < code.length; i++) {
        for (const ch of USCC_ALPHABET) {
          if (ch === code[i]) continue;
          const mutated = code.slice(0, i) + ch + code.slice(i + 1);
          expect({ mutated, ...parseUscc(mutated) }).toMatchObject({ mutated, valid: true, checksumOk: false });
        }
      }
    });
  });

  it('isUscc is strict unless bad checks are allowed', () => {
    expect(isUscc('91130871MA0CXQ123U')).toBe(true);
    expect(isUscc('91130871MA0CXQ123X')).toBe(false);
    expect(isUscc('91130871MA0CXQ123X', { allowBadChecksum: true })).toBe(true);
    expect(isUscc('91130871MA0CXQ12IX', { allowBadChecksum: true })).toBe(false);
  });

  it('makeUscc appends the check character', () => {
    expect(makeUscc('91130871MA0CXQ123')).toBe('91130871MA0CXQ123U');
    expect(parseUscc(makeUscc('91130871MA0ABCDE1')).checksumOk).toBe(true);
  });

  describe('@IsUscc', () => {
    class Strict {
      @IsUscc()
      uscc!: unknown;
    }
    class Lenient {
      @IsUscc({ allowBadChecksum: true })
      uscc!: unknown;
    }
    const check = (cls: new () => { uscc: unknown }, uscc: unknown) =>
      validateSync(Object.assign(new cls(), { uscc })).flatMap((e) => Object.entries(e.constraints ?? {}));

    it('passes a good code', () => {
      expect(check(Strict, '91130871MA0CXQ123U')).toEqual([]);
    });

    it('names the checksum rule for a bad check character', () => {
      expect(check(Strict, '91130871MA0CXQ123X')).toEqual([
        ['usccChecksum', expect.stringMatching(/uscc fails the 统一社会信用代码 check \(GB 32100-2015\).*gives U/)],
      ]);
    });

    it('names the format rule, alone, for a malformed code', () => {
      expect(check(Strict, '91130871MA0CXQ12IU')).toEqual([
        ['isUscc', expect.stringMatching(/must be a 统一社会信用代码 \(GB 32100-2015\): "I"/)],
      ]);
    });

    it('with allowBadChecksum accepts a bad check but not a malformed code', () => {
      expect(check(Lenient, '91130871MA0CXQ123X')).toEqual([]);
      expect(check(Lenient, 'not-a-code').map(([rule]) => rule)).toEqual(['isUscc']);
    });
  });
});
