/** The operators' overview page's words. */
export const OPERATIONS = {
  title: '运行概况',
  intro: (seconds: number) => `各应用及副本的就绪状态、消费延迟、存证链与死信概况，每 ${seconds} 秒自动刷新。`,
  updatedAt: (at: string) => `更新于 ${at}`,
  replicas: {
    heading: '应用与副本',
    app: '应用',
    url: '地址',
    state: '状态',
    checks: '检查项',
    uptime: '运行时长',
    outbox: '发件箱积压',
    counters: '生产 / 消费 / 失败 / 死信',
    ready: '就绪',
    notReady: '未就绪',
    unreachable: '无法访问',
  },
  lag: {
    heading: '消费延迟（来自消息队列）',
    chart: '各消费组未消费消息数',
    group: '消费组',
    total: '延迟合计',
    partition: '分区',
    logEnd: '日志末端',
    committed: '已提交位点',
    lag: '未消费',
    none: '暂无消费组',
    trend: (n: number) => `近一小时采样 ${n} 次`,
  },
  ledger: {
    heading: '存证链',
    size: (n: number) => `已记录 ${n} 条`,
    behind: (n: number | null) => (n === null ? '待记录：未知' : `待记录 ${n} 条`),
    tooFar: '落后超过上限',
  },
  deadLetters: { heading: '未处理死信（按主题）', topic: '主题', open: '数量', none: '暂无未处理死信' },
  none: '—',
  duration: (seconds: number): string => {
    if (seconds < 60) return `${seconds} 秒`;
    const minutes = Math.floor(seconds / 60);
    if (minutes < 60) return `${minutes} 分钟`;
    const hours = Math.floor(minutes / 60);
    return hours < 24 ? `${hours} 小时 ${minutes % 60} 分` : `${Math.floor(hours / 24)} 天 ${hours % 24} 小时`;
  },
} as const;
