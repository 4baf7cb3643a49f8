import type { DrawInputs, DrawStratum } from '@hub/draw';
import type { RiskClass } from '@hub/contracts';
import type { Inspector } from '../directories/inspectors.repository';
import type { InspectionItem } from '../directories/items.repository';
import type { CandidateRow } from '../directories/targets.repository';

/** The draw's strata, in plan order: the credit-risk classes, then the enterprises not graded yet. */
export const STRATA = ['A', 'B', 'C', 'D', 'unrated'] as const;
export type StratumName = (typeof STRATA)[number];
export type Ratios = Record<StratumName, number>;

/**
 * Default draw ratios in basis points, at the top of each class's range seen in practice (A ≤ 5 %, B 5–20 %,
 * C 21–60 %, D 61–100 %: GLOSSARY); an ungraded enterprise is drawn as a B (一般风险). A plan sets its own.
 */
export const DEFAULT_RATIOS_BP: Ratios = { A: 500, B: 2000, C: 6000, D: 10000, unrated: 2000 };

/** A department's part of a plan: how many inspectors go to each target, and which of its items they check. */
export interface PlanDepartment {
  code: string;
  inspectorsPerTarget: number;
  itemCodes: string[];
}

export interface PlanScope {
  planId: string;
  departments: PlanDepartment[];
  ratios: Ratios;
  maxTargetsPerInspector: number | null;
  enterpriseAnnualCap: number;
  /** Certificates must be valid on this day. */
  inspectionDate: string;
}

export interface Exclusion {
  uscc: string;
  reason: string;
}

/** Whether an item applies to an enterprise: its kind, and a licence the item asks for. */
export function applies(item: InspectionItem, candidate: Pick<CandidateRow, 'kind' | 'licenceTypes'>): boolean {
  const kind = item.enterpriseKinds.length === 0 || item.enterpriseKinds.includes(candidate.kind);
  const licence =
    item.licenceTypes.length === 0 || item.licenceTypes.some((type) => candidate.licenceTypes.includes(type));
  return kind && licence;
}

/** The plan's items of one department that apply to the enterprise. */
export function itemsFor(
  department: PlanDepartment,
  items: readonly InspectionItem[],
  candidate: Pick<CandidateRow, 'kind' | 'licenceTypes'>,
): InspectionItem[] {
  return items.filter(
    (i) => i.department === department.code && department.itemCodes.includes(i.code) && applies(i, candidate),
  );
}

/** Eligible for a target: active, certificate valid on the inspection day, no declared conflict with it (回避). */
export function isEligible(inspector: Inspector, uscc: string, inspectionDate: string): boolean {
  return (
    inspector.active &&
    inspector.validFrom <= inspectionDate &&
    inspectionDate <= inspector.validUntil &&
    !inspector.conflicts.includes(uscc)
  );
}

function byteOrder(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/**
 * What a lock fixes (SSGK-DRAW-1 "Inputs"): the candidates — active enterprises to which one of the leading
 * department's items applies — by stratum, less those at the annual cap (each excluded with its reason), and for
 * each candidate and department the inspectors eligible for it.
 */
export function lockInputs(
  scope: PlanScope,
  candidates: readonly CandidateRow[],
  items: readonly InspectionItem[],
  inspectors: readonly Inspector[],
  visitsThisYear: ReadonlyMap<string, number>,
): { inputs: DrawInputs; exclusions: Exclusion[] } {
  const lead = scope.departments[0]!;
  const strata = new Map<StratumName, string[]>(STRATA.map((s) => [s, []]));
  const exclusions: Exclusion[] = [];
  for (const candidate of candidates) {
    if (itemsFor(lead, items, candidate).length === 0) continue;
    const visits = visitsThisYear.get(candidate.uscc) ?? 0;
    if (visits >= scope.enterpriseAnnualCap) {
      exclusions.push({
        uscc: candidate.uscc,
        reason: `本年度已被抽查 ${visits} 次，达到每年 ${scope.enterpriseAnnualCap} 次的上限`,
      });
      continue;
    }
    strata.get(stratumOf(candidate.riskClass))!.push(candidate.uscc);
  }
  const pools = new Map(
    scope.departments.map((d) => [
      d.code,
      inspectors.filter((i) => i.department === d.code).sort((a, b) => byteOrder(a.certificateNo, b.certificateNo)),
    ]),
  );
  const eligible: DrawInputs['eligible'] = {};
  const drawStrata: DrawStratum[] = STRATA.map((name) => {
    const listed = strata.get(name)!.sort(byteOrder);
    for (const uscc of listed) {
      eligible[uscc] = Object.fromEntries(
        scope.departments.map((d) => [
          d.code,
          pools
            .get(d.code)!
            .filter((i) => isEligible(i, uscc, scope.inspectionDate))
            .map((i) => i.certificateNo),
        ]),
      );
    }
    return { name, ratioBp: scope.ratios[name], candidates: listed };
  });
  const inputs: DrawInputs = {
    planId: scope.planId,
    strata: drawStrata,
    departments: scope.departments.map((d) => ({ code: d.code, inspectorsPerTarget: d.inspectorsPerTarget })),
    ...(scope.maxTargetsPerInspector === null ? {} : { maxTargetsPerInspector: scope.maxTargetsPerInspector }),
    eligible,
  };
  return { inputs, exclusions: exclusions.sort((a, b) => byteOrder(a.uscc, b.uscc)) };
}

export function stratumOf(riskClass: RiskClass | null): StratumName {
  return riskClass ?? 'unrated';
}
