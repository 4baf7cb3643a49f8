import fc from 'fast-check';
import { candidateDigest, commitmentOf, runDraw } from '../draw-node';
import type { DrawInputs, DrawRecord } from '../draw-types';
import { DRAW_PROTOCOL } from '../draw-types';
import { toHex } from '../utf8';

/** Test data for the property specs: plans of a few strata and departments, and the records they draw. */
export interface DrawCase {
  inputs: DrawInputs;
  secret: Uint8Array;
  entropy: string;
}

const CODES = ['SCJG', 'YJGL', 'STHJ'];
const NAMES = ['A', 'B', 'C', 'D'];

export const drawCase: fc.Arbitrary<DrawCase> = fc
  .record({
    strataCount: fc.integer({ min: 1, max: 4 }),
    departmentCount: fc.integer({ min: 1, max: 3 }),
    candidates: fc.uniqueArray(fc.string({ unit: 'binary', minLength: 1, maxLength: 6 }), { maxLength: 24 }),
    inspectors: fc.integer({ min: 1, max: 8 }),
    cap: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
    secret: fc.uint8Array({ minLength: 32, maxLength: 32 }),
    entropy: fc.string({ unit: 'binary', maxLength: 12 }),
    planId: fc.string({ unit: 'binary', maxLength: 12 }),
  })
  .chain((shape) =>
    fc
      .record({
        ratios: fc.array(fc.integer({ min: 0, max: 10000 }), {
          minLength: shape.strataCount,
          maxLength: shape.strataCount,
        }),
        strataOf: fc.array(fc.integer({ min: 0, max: shape.strataCount - 1 }), {
          minLength: shape.candidates.length,
          maxLength: shape.candidates.length,
        }),
        perTarget: fc.array(fc.integer({ min: 1, max: 3 }), {
          minLength: shape.departmentCount,
          maxLength: shape.departmentCount,
        }),
        // For each candidate and department, which of the department's inspectors are eligible (a bit mask).
        masks: fc.array(fc.integer({ min: 0, max: (1 << shape.inspectors) - 1 }), {
          minLength: shape.candidates.length * shape.departmentCount,
          maxLength: shape.candidates.length * shape.departmentCount,
        }),
      })
      .map(({ ratios, strataOf, perTarget, masks }) => {
        const codes = CODES.slice(0, shape.departmentCount);
        const strata = ratios.map((ratioBp, s) => ({
          name: NAMES[s]!,
          ratioBp,
          candidates: shape.candidates.filter((_, c) => strataOf[c] === s),
        }));
        const eligible: DrawInputs['eligible'] = {};
        shape.candidates.forEach((uscc, c) => {
          eligible[uscc] = Object.fromEntries(
            codes.map((code, d) => {
              const mask = masks[c * codes.length + d]!;
              const ids = [...Array(shape.inspectors).keys()].filter((i) => mask & (1 << i)).map((i) => `${code}-${i}`);
              return [code, ids.reverse()];
            }),
          );
        });
        const inputs: DrawInputs = {
          planId: shape.planId,
          strata,
          departments: codes.map((code, d) => ({ code, inspectorsPerTarget: perTarget[d]! })),
          eligible,
        };
        if (shape.cap !== undefined) inputs.maxTargetsPerInspector = shape.cap;
        return { inputs, secret: shape.secret, entropy: shape.entropy };
      }),
  );

export function recordOf({ inputs, secret, entropy }: DrawCase): DrawRecord {
  return {
    protocol: DRAW_PROTOCOL,
    ...inputs,
    commitment: commitmentOf(secret),
    candidateDigest: candidateDigest(inputs.strata),
    entropy,
    secretHex: toHex(secret),
    ...runDraw(inputs, secret, entropy),
  };
}

/** A deep copy a test may change freely. */
export function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
