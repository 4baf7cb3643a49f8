/** The public pages' words (一公开: what the zone publishes, no login). */
export const PUBLIC = {
  title: '政务公开',
  intro: '承德高新区“双随机、一公开”抽查结果等公开信息将在此发布。',
  nothingYet: '暂无公开信息',
  staff: '工作人员登录',
} as const;
