import { hash, verify } from '@node-rs/argon2';

/**
 * argon2id with OWASP's parameters (Password Storage Cheat Sheet: m = 19 MiB, t = 2, p = 1); about 15 ms a hash on
 * the development machine (README, "People"). Changing them leaves old hashes valid: each carries its parameters.
 */
const ARGON2ID = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  // `algorithm: 2` is Algorithm.Argon2id, a const enum that isolatedModules cannot read from the package's types.
  return hash(password, ARGON2ID as Parameters<typeof hash>[1]);
}

export function passwordMatches(passwordHash: string, password: string): Promise<boolean> {
  return verify(passwordHash, password);
}

/** Verified against when the username is unknown, so that the answer takes as long as for a wrong password. */
let unknownUserHash: Promise<string> | undefined;
export function spendAsOnAPassword(password: string): Promise<boolean> {
  unknownUserHash ??= hashPassword('not the password of anyone: an unknown user');
  return unknownUserHash.then((h) => passwordMatches(h, password));
}
