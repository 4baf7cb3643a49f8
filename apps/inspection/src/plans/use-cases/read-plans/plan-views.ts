import type { Draw, Plan } from '../../plans.repository';

/** A plan as anyone may see it: everything but the lock's inputs (the draw record carries them) and the secret. */
export function publicPlan(plan: Plan) {
  const { inputs, ...rest } = plan;
  return {
    ...rest,
    candidates: inputs ? Object.fromEntries(inputs.strata.map((s) => [s.name, s.candidates.length])) : null,
  };
}

/** A draw in a list: no record, and no account of who voided it. */
export function drawSummary(draw: Omit<Draw, 'record'>) {
  return {
    id: draw.id,
    planId: draw.planId,
    lock: draw.lockNo,
    witness: draw.witness,
    drawnAt: draw.drawnAt,
    replaces: draw.replaces,
    status: draw.voidedAt === null ? ('standing' as const) : ('voided' as const),
    ...(draw.voidedAt === null ? {} : { voided: { reason: draw.voidedReason, at: draw.voidedAt } }),
  };
}

/** The published record (SSGK-DRAW-1's fields and the hub's), and whether it stands or was voided. */
export function publicDraw(draw: Draw) {
  const summary = drawSummary(draw);
  return {
    ...draw.record,
    status: summary.status,
    ...(summary.voided ? { voided: summary.voided } : {}),
  };
}
