import { DRAW_PROTOCOL, type DrawInputs, type DrawOutcome } from '@hub/draw';
import type { TaskInspector } from '@hub/contracts';
import type { Inspector } from '../../../directories/inspectors.repository';
import type { Plan } from '../../plans.repository';

/**
 * The published record: every field SSGK-DRAW-1 publishes, then the hub's own (the spec allows added fields):
 * the draw's id and lock, the times of each step, the witness, the draw it replaces, and the inspectors'
 * names and certificate numbers (行政执法公示: nothing else of them).
 */
export function drawRecord(
  plan: Plan & { inputs: DrawInputs },
  drawId: string,
  entropy: string,
  secretHex: string,
  outcome: DrawOutcome,
  facts: {
    witness: string;
    drawnAt: Date;
    inspectors: ReadonlyMap<string, Inspector>;
    replaces: { drawId: string; reason: string } | null;
  },
): Record<string, unknown> {
  const ids = new Set(
    Object.values(plan.inputs.eligible).flatMap((byDepartment) => Object.values(byDepartment).flat()),
  );
  return {
    protocol: DRAW_PROTOCOL,
    ...plan.inputs,
    commitment: plan.commitment,
    candidateDigest: plan.candidateDigest,
    entropy,
    secretHex,
    seedHex: outcome.seedHex,
    targets: outcome.targets,
    drawId,
    lock: plan.lockNo,
    lockedAt: plan.lockedAt!.toISOString(),
    drawnAt: facts.drawnAt.toISOString(),
    witness: facts.witness,
    ...(facts.replaces ? { replaces: facts.replaces.drawId, replacesReason: facts.replaces.reason } : {}),
    inspectors: Object.fromEntries(
      [...ids].sort().map((id) => {
        const i = facts.inspectors.get(id);
        return [id, { name: i?.name ?? '', certificateNo: id, department: i?.department ?? '' }];
      }),
    ),
  };
}

export function teamOf(
  ids: readonly string[] | null,
  inspectors: ReadonlyMap<string, Inspector>,
): TaskInspector[] | null {
  return ids === null ? null : ids.map((id) => ({ id, name: inspectors.get(id)?.name ?? id, certificateNo: id }));
}
