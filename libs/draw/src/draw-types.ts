/** The tag of the protocol this library implements (shared/spec/DRAW-PROTOCOL.md). */
export const DRAW_PROTOCOL = 'SSGK-DRAW-1';

export interface DrawStratum {
  name: string;
  /** The draw ratio in basis points, 0–10000. */
  ratioBp: number;
  /** The eligible targets' 统一社会信用代码. */
  candidates: string[];
}

export interface DrawDepartment {
  code: string;
  inspectorsPerTarget: number;
}

export interface DrawInputs {
  planId: string;
  strata: DrawStratum[];
  departments: DrawDepartment[];
  /** Absent: no cap. */
  maxTargetsPerInspector?: number;
  /** uscc → department code → the inspector ids eligible for that target. */
  eligible: Record<string, Record<string, string[]>>;
}

export interface DrawnTarget {
  uscc: string;
  stratum: string;
  /** department code → the team, or null when the pool was short (unstaffed). */
  teams: Record<string, string[] | null>;
}

export interface DrawOutcome {
  seedHex: string;
  targets: DrawnTarget[];
}

export interface DrawRecord extends DrawInputs, DrawOutcome {
  protocol: typeof DRAW_PROTOCOL;
  commitment: string;
  candidateDigest: string;
  entropy: string;
  secretHex: string;
}

/** One check of a verification: `name` is the spec's field, `label` says it in Chinese. */
export interface DrawCheck {
  name: string;
  ok: boolean;
  detail?: string;
  label?: string;
}

export interface DrawVerification {
  ok: boolean;
  checks: DrawCheck[];
  firstFailure?: DrawCheck;
  /** Which hash implementation ran: node:crypto, WebCrypto or @noble/hashes. */
  hash: string;
}
