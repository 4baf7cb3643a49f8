/** The login page's words. */
export const LOGIN = {
  title: '登录',
  intro: '请使用信息化中心分配的账户登录。',
  fields: { username: '用户名', password: '密码' },
  submit: '登录',
  loggedOut: '您已退出登录。',
  errorsTitle: '无法登录',
  required: { username: '请输入用户名', password: '请输入密码' },
  invalidLogin: '用户名或密码不正确',
  locked: (retryAfterSeconds: number | undefined) =>
    retryAfterSeconds === undefined
      ? '连续输错密码次数过多，账户已锁定，请稍后再试'
      : `连续输错密码次数过多，账户已锁定，请 ${Math.ceil(retryAfterSeconds / 60)} 分钟后再试`,
  disabled: '该账户已停用，请联系信息化中心',
  publicLink: '政务公开（无需登录）',
} as const;
