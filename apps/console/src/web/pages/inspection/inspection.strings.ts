/** The supervisors' inspection pages (双随机抽查): their department's plans and tasks, lock and draw. */
export const INSPECTION = {
  title: '双随机抽查',
  plans: {
    heading: '本部门参与的抽查计划',
    empty: '暂无抽查计划',
    columns: { id: '计划编号', title: '名称', kind: '类型', lead: '牵头部门', state: '状态', date: '检查日期' },
  },
  tasks: {
    heading: '本部门的抽查任务',
    empty: '暂无抽查任务',
    columns: { id: '任务编号', uscc: '统一社会信用代码', team: '检查组', state: '状态' },
  },
  kinds: { annual: '年度计划', joint: '联合抽查' } as Record<string, string>,
  states: { draft: '草稿', locked: '已锁定', drawn: '已摇号' } as Record<string, string>,
  taskStates: { assigned: '待检查', unstaffed: '待重新抽取', done: '已完成', cancelled: '已取消' } as Record<
    string,
    string
  >,
  plan: {
    title: (id: string) => `抽查计划 ${id}`,
    back: '返回双随机抽查',
    commitment: '承诺值',
    candidateDigest: '候选名单摘要',
    completion: (done: number, tasks: number) => `完成 ${done} / ${tasks}`,
    exclusions: '排除的企业',
    noExclusions: '没有企业被排除',
    exclusionColumns: { uscc: '统一社会信用代码', name: '名称', reason: '原因' },
    draws: '摇号记录',
    noDraws: '尚未摇号',
    lock: '锁定计划并公开承诺值',
    lockHint: '锁定后候选名单与可选检查人员即固定，承诺值立即公开。',
    draw: '摇号',
    entropy: '见证随机值',
    entropyHint: '例如锁定之后开奖的体育彩票号码',
    witness: '见证来源',
    drawSubmit: '开始摇号',
  },
  done: {
    locked: (id: string) => `计划 ${id} 已锁定，承诺值已公开`,
    drawn: (id: string) => `计划 ${id} 已摇号，任务已发送到各部门`,
  } as Record<string, (id: string) => string>,
  fields: { entropy: '见证随机值', witness: '见证来源' },
  rules: {
    entropy: '请填写见证随机值（1–200 个字符）',
    witness: '请填写见证来源（1–200 个字符）',
  },
} as const;
