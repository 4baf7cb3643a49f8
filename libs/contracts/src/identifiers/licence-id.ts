import { ValidateBy, type ValidationOptions } from 'class-validator';
import { parseUscc } from './uscc';

// 证照标识, GB/T 36904-2018: the OID arc 1.2.156.3005.2 (electronic licences), then
// <type code>.<issuer USCC>.<serial>.<version>.<check>. The type code is the defining body's USCC plus
// a 3-digit number, the version 3 digits, and the check character ISO/IEC 7064 MOD 37,36 (hybrid) over
// type code + issuer + serial + version joined without dots.
export const LICENCE_ID_PREFIX = '1.2.156.3005.2';
const CHECK_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const BODY = /^[0-9A-Z]+$/;
const TYPE_CODE = /^([0-9A-Z]{18})(\d{3})$/;
const SERIAL = /^[0-9A-Z]{1,32}$/;
const VERSION = /^\d{3}$/;
/** The shape of a 证照标识 (the check character and the embedded codes not verified). */
export const LICENCE_ID_PATTERN =
  /^1\.2\.156\.3005\.2\.[0-9A-HJ-NPQRTUWXY]{18}\d{3}\.[0-9A-HJ-NPQRTUWXY]{18}\.[0-9A-Z]{1,32}\.\d{3}\.[0-9A-Z]$/;

export const LICENCE_ID_RULE = 'isLicenceId';

/** The parts a caller chooses; the check character is computed. */
export interface LicenceIdParts {
  /** Defining body's 统一社会信用代码 + 3 digits, e.g. `11100000000013338W032`. */
  readonly typeCode: string;
  /** Issuing authority's 统一社会信用代码. */
  readonly issuer: string;
  /** The issuer's serial number of the licence (upper-case letters and digits). */
  readonly serial: string;
  /** 3 digits, e.g. `001`. */
  readonly version: string;
}

export interface ParsedLicenceId extends LicenceIdParts {
  /** The USCC inside the type code. */
  readonly definingBody: string;
  readonly check: string;
}

export type LicenceIdParseResult =
  | {
      readonly valid: true;
      readonly parts: ParsedLicenceId;
      /** Both embedded 统一社会信用代码 pass their own MOD 31 check (pilot codes may not; kept, flagged). */
      readonly usccChecksumsOk: boolean;
    }
  | { readonly valid: false; readonly reason: string };

/** ISO/IEC 7064 MOD 37,36 (hybrid system, M = 36): the character that makes the string check out. */
export function licenceIdCheckChar(body: string): string {
  if (body === '' || !BODY.test(body)) {
    throw new RangeError(`licenceIdCheckChar needs characters from 0-9A-Z, got "${body}"`);
  }
  let p = 36;
  for (const ch of body) {
    const s = (p + CHECK_ALPHABET.indexOf(ch)) % 36 || 36;
    p = (s * 2) % 37;
  }
  return CHECK_ALPHABET.charAt((37 - p) % 36);
}

export function parseLicenceId(id: unknown): LicenceIdParseResult {
  if (typeof id !== 'string') return invalid('a 证照标识 must be a string');
  if (!id.startsWith(`${LICENCE_ID_PREFIX}.`)) return invalid(`a 证照标识 starts with ${LICENCE_ID_PREFIX}.`);
  const fields = id.slice(LICENCE_ID_PREFIX.length + 1).split('.');
  if (fields.length !== 5) {
    return invalid('a 证照标识 has five fields after the prefix: type code, issuer, serial, version, check');
  }
  const [typeCode, issuer, serial, version, check] = fields as [string, string, string, string, string];
  const type = TYPE_CODE.exec(typeCode);
  if (!type) return invalid(`type code "${typeCode}" must be a 统一社会信用代码 followed by 3 digits`);
  const definingBody = type[1] as string;
  const definingBodyUscc = parseUscc(definingBody);
  if (!definingBodyUscc.valid) return invalid(`type code: ${definingBodyUscc.reason ?? ''}`);
  const issuerUscc = parseUscc(issuer);
  if (!issuerUscc.valid) return invalid(`issuer: ${issuerUscc.reason ?? ''}`);
  if (!SERIAL.test(serial)) return invalid(`serial "${serial}" must be 1-32 characters from 0-9A-Z`);
  if (!VERSION.test(version)) return invalid(`version "${version}" must be 3 digits`);
  const expected = licenceIdCheckChar(typeCode + issuer + serial + version);
  if (check !== expected) return invalid(`check character is "${check}", ISO/IEC 7064 MOD 37,36 gives ${expected}`);
  return {
    valid: true,
    parts: { typeCode, definingBody, issuer, serial, version, check },
    usccChecksumsOk: definingBodyUscc.checksumOk && issuerUscc.checksumOk,
  };
}

export function isLicenceId(id: unknown): id is string {
  return parseLicenceId(id).valid;
}

/** Builds an identifier with its check character; throws if a part is malformed. */
export function makeLicenceId(parts: LicenceIdParts): string {
  const body = [parts.typeCode, parts.issuer, parts.serial, parts.version];
  const id = [LICENCE_ID_PREFIX, ...body, licenceIdCheckChar(body.join(''))].join('.');
  const parsed = parseLicenceId(id);
  if (!parsed.valid) throw new RangeError(`makeLicenceId: ${parsed.reason}`);
  return id;
}

/** A 证照标识 (GB/T 36904-2018) whose check character is right. */
export function IsLicenceId(validationOptions?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: LICENCE_ID_RULE,
      validator: {
        validate: (value) => isLicenceId(value),
        defaultMessage: (args) => {
          const parsed = parseLicenceId(args?.value);
          const reason = parsed.valid ? '' : parsed.reason;
          return `${args?.property ?? 'value'} must be a 证照标识 (GB/T 36904-2018): ${reason}`;
        },
      },
    },
    validationOptions,
  );
}

function invalid(reason: string): LicenceIdParseResult {
  return { valid: false, reason };
}
