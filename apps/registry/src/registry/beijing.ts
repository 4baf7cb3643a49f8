/** The calendar day in Beijing time (Asia/Shanghai, UTC+8 all year), YYYY-MM-DD. */
export function beijingDate(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
