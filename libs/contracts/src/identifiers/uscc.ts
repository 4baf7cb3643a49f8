import { ValidateBy, type ValidationOptions } from 'class-validator';

// 统一社会信用代码, GB 32100-2015: 18 characters from 31 symbols (the letters I, O, S, V and Z are never
// used); the 18th is a check character over the first 17 (§5, MOD 31 with the weights below).
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
/** Well formed (the check character not verified). */
export const USCC_PATTERN = /^[0-9A-HJ-NPQRTUWXY]{18}$/;
const FIRST_17 = /^[0-9A-HJ-NPQRTUWXY]{17}$/;

export const UsccRules = {
  format: 'isUscc',
  checksum: 'usccChecksum',
} as const;

export interface UsccParseResult {
  /** Well formed: 18 characters from the GB 32100 alphabet. A well-formed code is kept even with a bad check. */
  readonly valid: boolean;
  /** The 18th character matches the MOD 31 check over the first 17. */
  readonly checksumOk: boolean;
  readonly reason?: string;
}

/** The GB 32100-2015 check character for the first 17 characters: (31 − Σ value×weight mod 31) mod 31. */
export function usccCheckChar(first17: string): string {
  if (!FIRST_17.test(first17)) {
    throw new RangeError(`usccCheckChar needs 17 characters from ${USCC_ALPHABET}, got "${first17}"`);
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    sum += USCC_ALPHABET.indexOf(first17.charAt(i)) * (USCC_WEIGHTS[i] as number);
  }
  return USCC_ALPHABET.charAt((31 - (sum % 31)) % 31);
}

/**
 * Early pilot codes were issued before the check was enforced: they are legal yet fail it. Such a code is
 * `valid` with `checksumOk: false` — the record is kept and flagged, never dropped (GLOSSARY, GB 32100-2015).
 */
export function parseUscc(code: unknown): UsccParseResult {
  if (typeof code !== 'string') {
    return { valid: false, checksumOk: false, reason: 'a 统一社会信用代码 must be a string' };
  }
  if (code.length !== 18) {
    return { valid: false, checksumOk: false, reason: `a 统一社会信用代码 has 18 characters, got ${code.length}` };
  }
  if (!USCC_PATTERN.test(code)) {
    const bad = [...code].find((ch) => !USCC_ALPHABET.includes(ch)) ?? '';
    return {
      valid: false,
      checksumOk: false,
      reason: `"${bad}" is not in the GB 32100-2015 alphabet ${USCC_ALPHABET} (no I, O, S, V, Z; upper case)`,
    };
  }
  const expected = usccCheckChar(code.slice(0, 17));
  if (code.charAt(17) !== expected) {
    return {
      valid: true,
      checksumOk: false,
      reason: `check character is ${code.charAt(17)}, GB 32100-2015 MOD 31 gives ${expected}`,
    };
  }
  return { valid: true, checksumOk: true };
}

export interface UsccOptions {
  /** Accept well-formed codes whose check character is wrong (early pilot codes). Default false. */
  readonly allowBadChecksum?: boolean;
}

export function isUscc(code: unknown, options: UsccOptions = {}): code is string {
  const parsed = parseUscc(code);
  return parsed.valid && (parsed.checksumOk || options.allowBadChecksum === true);
}

/** Appends the check character — for demo data and tests. */
export function makeUscc(first17: string): string {
  return first17 + usccCheckChar(first17);
}

/**
 * A 统一社会信用代码. Two rules so that reasons say which one failed: `isUscc` (form) and, unless
 * `allowBadChecksum`, `usccChecksum` (the MOD 31 check character).
 */
export function IsUscc(options: UsccOptions = {}, validationOptions?: ValidationOptions): PropertyDecorator {
  const format = ValidateBy(
    {
      name: UsccRules.format,
      validator: {
        validate: (value) => parseUscc(value).valid,
        defaultMessage: (args) =>
          `${args?.property ?? 'value'} must be a 统一社会信用代码 (GB 32100-2015): ${parseUscc(args?.value).reason ?? ''}`,
      },
    },
    validationOptions,
  );
  if (options.allowBadChecksum === true) return format;
  const checksum = ValidateBy(
    {
      name: UsccRules.checksum,
      validator: {
        // A malformed code is reported by the format rule alone.
        validate: (value) => {
          const parsed = parseUscc(value);
          return !parsed.valid || parsed.checksumOk;
        },
        defaultMessage: (args) =>
          `${args?.property ?? 'value'} fails the 统一社会信用代码 check (GB 32100-2015): ${parseUscc(args?.value).reason ?? ''}`,
      },
    },
    validationOptions,
  );
  return (target, propertyKey) => {
    format(target, propertyKey);
    checksum(target, propertyKey);
  };
}
