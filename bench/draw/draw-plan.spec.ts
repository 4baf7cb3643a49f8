import { drawRecordOf, verifyDrawRecord } from '@hub/draw';
import { BROWSER_PLAN, MILLION_PLAN } from './draw.bench';
import { candidateRows, lockInputs } from './draw-plan';

describe('bench/draw plans', () => {
  const rows = candidateRows(2000);

  it('spreads the candidates over A–D, mostly A and B, as valid USCCs', () => {
    const counts = rows.reduce<Record<string, number>>((c, r) => ({ ...c, [r.stratum]: (c[r.stratum] ?? 0) + 1 }), {});
    expect(Object.keys(counts).sort()).toEqual(['A', 'B', 'C', 'D']);
    expect(counts.A! + counts.B!).toBeGreaterThan(counts.C! + counts.D!);
    expect(new Set(rows.map((r) => r.uscc)).size).toBe(rows.length);
  });

  it.each([
    ['the million plan', MILLION_PLAN, [2997, 1997]],
    ['the browser plan', BROWSER_PLAN, [10, 6]],
  ])(
    'locks %s into shared eligible lists of the department minus recusals, which draw and verify',
    (_, shape, sizes) => {
      // A record spells out every candidate's lists: a few hundred candidates keep its JSON small here.
      const inputs = lockInputs('BENCH-SPEC', rows.slice(0, 300), shape);
      const lists = new Set(Object.values(inputs.eligible).flatMap((per) => Object.values(per)));
      expect(lists.size).toBeLessThanOrEqual(shape.exclusionSets * shape.departments.length);
      const [scjg, yjgl] = shape.departments.map((d) => inputs.eligible[rows[0]!.uscc]![d.code]!.length);
      expect(scjg).toBeGreaterThanOrEqual(sizes[0]!);
      expect(yjgl).toBeGreaterThanOrEqual(sizes[1]!);
      const record = drawRecordOf(inputs, new Uint8Array(32).fill(7), 'spec');
      expect(verifyDrawRecord(JSON.parse(JSON.stringify(record)))).toMatchObject({ ok: true });
    },
  );
});
