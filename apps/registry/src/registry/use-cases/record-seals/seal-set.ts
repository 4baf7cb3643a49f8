/** The seal types of REGISTRY_REQUIRED_SEAL_TYPES (`01,02,03`). */
export function requiredSealTypes(setting: string): string[] {
  return setting
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '');
}

/** Whether the seal types held make the set an establishment needs. */
export function sealSetComplete(held: ReadonlySet<string>, setting: string): boolean {
  return requiredSealTypes(setting).every((t) => held.has(t));
}

/** The seal types still missing from the set. */
export function missingSealTypes(held: ReadonlySet<string>, setting: string): string[] {
  return requiredSealTypes(setting).filter((t) => !held.has(t));
}
