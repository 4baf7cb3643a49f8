/** The public pages' words (一公开: what the zone publishes, no login). */
export const PUBLIC = {
  title: '政务公开',
  intro: '承德高新区审管衔接的审批事项及其监管部门（权责清单）在此公开；“双随机、一公开”抽查计划与结果亦在此发布。',
  staff: '工作人员登录',
  draws: '双随机抽查摇号记录（可在浏览器中验证）',
  matters: {
    heading: '审批事项与监管部门',
    filter: '按事项名称、编码或部门筛选',
    apply: '筛选',
    empty: '暂无公开的审批事项',
    noneMatch: '没有符合筛选条件的事项',
    unassigned: '待协调确定',
    columns: {
      code: '事项编码',
      name: '事项名称',
      mode: '审批方式',
      category: '改革类别',
      effectiveFrom: '生效日期',
      departments: '监管部门',
    },
  },
  reformModes: { ordinary: '一般审批', commitment: '告知承诺', filing: '备案' } as Record<string, string>,
  rules: {
    q: '筛选条件不超过 100 个字符',
    page: '页码应为正整数',
  },
} as const;
