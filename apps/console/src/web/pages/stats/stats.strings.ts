/** The figures page's words. */
export const STATS = {
  title: '认领统计',
  intro: '各部门的认领率、认领用时中位数与逾期事项数（实时）。',
  charts: {
    claimRate: '认领率',
    medianClaim: '认领用时中位数',
    overdue: '逾期事项数',
  },
  table: {
    heading: '明细',
    department: '部门',
    pushed: '推送数',
    claimed: '认领数',
    claimRate: '认领率',
    medianClaim: '认领用时中位数',
    overdue: '逾期数',
  },
  empty: '暂无推送记录',
  none: '—',
  percent: (rate: number) => `${(rate * 100).toFixed(1)}%`,
  count: (n: number) => `${n} 项`,
  duration: (seconds: number): string => {
    const minutes = Math.round(seconds / 60);
    if (minutes < 60) return `${minutes} 分钟`;
    const hours = Math.floor(minutes / 60);
    if (hours < 24) return `${hours} 小时 ${minutes % 60} 分`;
    return `${Math.floor(hours / 24)} 天 ${hours % 24} 小时`;
  },
} as const;
