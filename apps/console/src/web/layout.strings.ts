import type { Role } from './person';

/** The layout's words (navigation, roles, error pages); each page keeps its own in its own `*.strings.ts`. */
export const LAYOUT = {
  lang: 'zh-CN',
  service: '承德高新区数据共享枢纽',
  skipToContent: '跳到正文',
  nav: {
    ledger: '部门台账',
    queue: '协调队列',
    timeline: '审批时间线',
    stats: '认领统计',
    people: '账户管理',
    audit: '操作审计',
    registry: '电子证照',
    operations: '运行概况',
    eventLedger: '存证链',
    deadLetters: '死信',
    deadLetterRecords: '死信操作记录',
    inspection: '双随机抽查',
  },
  signedInAs: (name: string, department: string) => `${name}（${department}）`,
  logout: '退出登录',
  roles: {
    operator: '运维',
    auditor: '审计',
    admin: '管理员',
    supervisor: '监管人员',
    coordinator: '协调人员',
    viewer: '查看人员',
  } satisfies Record<Role, string>,
  pagination: {
    label: (page: number, pageCount: number, total: number) => `第 ${page}/${pageCount} 页，共 ${total} 项`,
    previous: '上一页',
    next: '下一页',
  },
  timeline: '时间线',
  errors: {
    title: (status: number): string =>
      status === 400
        ? '提交的内容有误'
        : status === 401
          ? '请先登录'
          : status === 403
            ? '无权执行此操作'
            : status === 404
              ? '未找到该页面或事项'
              : status === 409
                ? '该事项的状态不允许此操作'
                : status === 423
                  ? '账户已锁定'
                  : status >= 500
                    ? '服务暂时不可用，请稍后再试'
                    : '操作未完成',
    summary: '请检查以下内容：',
    /** The console's own refusals, and the labels of the fields they name. */
    needsRole: (roles: string[]) => `此操作需要以下角色之一：${roles.join('、')}`,
    csrf: '表单已过期或不属于当前会话，请刷新页面后重新提交',
    fields: { roles: '角色', csrf: '表单令牌' } as Record<string, string>,
    field: '字段',
    back: '返回上一页',
    home: '返回首页',
  },
} as const;

/** A field's label for the error summary: the page's own, else the field's name as the API calls it. */
export function fieldLabel(labels: Record<string, string>, field: string): string {
  return labels[field] ?? field;
}
