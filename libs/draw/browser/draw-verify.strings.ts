/** The verifier's words on the page (the checks' own names are DRAW_CHECKS in libs/draw). */
export const VERIFY_STRINGS = {
  running: '正在浏览器中重新计算抽取结果……',
  passed: '验证通过：每一项检查都与公布的记录相符。',
  failed: (label: string) => `验证未通过：第一项不符的检查是“${label}”。`,
  unreadable: (reason: string) => `无法取得抽取记录：${reason}`,
  crashed: (reason: string) => `验证时出错：${reason}`,
  ok: '相符',
  mismatch: '不符',
  firstFailure: '（第一项不符）',
  hash: (name: string) =>
    name === 'WebCrypto'
      ? '计算方式：浏览器内置的 WebCrypto（SHA-256、HMAC-SHA256），不经服务器。'
      : `计算方式：纯 JavaScript 的 ${name}（本页不在安全上下文中，浏览器未提供 WebCrypto），不经服务器。`,
} as const;
