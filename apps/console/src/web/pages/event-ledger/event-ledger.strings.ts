/** The event ledger page's words. */
export const EVENT_LEDGER = {
  title: '存证链',
  intro: '枢纽接收的每一个事件都按 Kafka 中的顺序记入哈希链（RFC 6962 默克尔树），并定期以枢纽密钥签名检查点。',
  status: {
    heading: '当前状态',
    size: '已记录事件',
    lastCheckpoint: '最近检查点',
    none: '尚无',
    keyId: '签名密钥',
    behind: '待记录事件',
    unknown: '无法读取（消息队列未应答）',
    tooFarBehind: (max: number) => `存证链落后超过 ${max} 条，已告警`,
    checkpointAt: (size: number, at: string) => `第 ${size} 条（${at}）`,
    entries: (n: number) => `${n} 条`,
  },
  verify: {
    heading: '校验',
    hint: '从数据库重新计算哈希链与默克尔树，并与已签名的检查点比对。范围会扩展到其前后的检查点。',
    from: '起始条目',
    to: '截止条目',
    submit: '开始校验',
    ok: (from: number, to: number, pinned: number, unpinned: number) =>
      `校验通过：第 ${from}–${to} 条与签名检查点一致（已固定至第 ${pinned} 条，其后 ${unpinned} 条尚待下一个检查点）。`,
    failed: '校验未通过',
    problem: {
      'entry-missing': '条目缺失',
      'entry-changed': '条目被修改',
      'entry-unlinked': '链接断开',
      'checkpoint-signature': '检查点签名无效',
      'checkpoint-mismatch': '检查点不符',
      'anchor-invalid': '起点检查点无效',
    } as Record<string, string>,
    where: (seq: number | undefined, checkpoint: number | undefined) =>
      seq !== undefined ? `第 ${seq} 条` : checkpoint !== undefined ? `第 ${checkpoint} 条处的检查点` : '',
  },
  export: {
    heading: '导出',
    hint: '导出一段条目及其检查点，可离线用命令行校验：npm run hub -- verify-ledger --file 文件 --public-key 公钥文件',
    submit: '导出 JSON',
  },
  fields: { from: '起始条目', to: '截止条目' },
  rules: { entry: '请输入大于 0 的整数条目编号' },
} as const;
