/** 市场主体类型 as the code tells it (GB 32100-2015: authority 9 = 市场监管, then 1 企业, 2 个体工商户, 3 农民专业合作社). */
export const TARGET_KINDS = ['enterprise', 'individual', 'cooperative', 'other'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

export function targetKindOf(uscc: string): TargetKind {
  switch (uscc.slice(0, 2)) {
    case '91':
      return 'enterprise';
    case '92':
      return 'individual';
    case '93':
      return 'cooperative';
    default:
      return 'other';
  }
}
