import { columnNames, headerFields, parseInspectorRow, parseTargetRow } from './csv-rows';

describe('CSV rows of the directories', () => {
  const header = ['统一社会信用代码', '名称', '住所', '许可证', '风险等级', '评级日期', '评级来源', '备注'];
  const read = headerFields('targets', header);
  const fields = 'fields' in read ? read.fields : [];
  const columns = columnNames(fields, header);

  it('reads Chinese or field-name headers, and ignores columns it does not know', () => {
    expect(fields).toEqual([
      'uscc',
      'name',
      'address',
      'licences',
      'riskClass',
      'riskGradedOn',
      'riskSource',
      undefined,
    ]);
    expect(headerFields('inspectors', ['certificateNo', '姓名', '有效期起', '有效期至'])).toEqual({
      fields: ['certificateNo', 'name', 'validFrom', 'validUntil'],
    });
  });

  it('names each missing column of a header', () => {
    expect(headerFields('targets', ['名称'])).toEqual({
      errors: [
        expect.objectContaining({ line: 1, column: 'uscc', rule: 'requiredColumn' }),
        expect.objectContaining({ line: 1, column: 'address', rule: 'requiredColumn' }),
      ],
    });
  });

  it('turns a good row into the directory facts', () => {
    const row = [
      '91130871ma0cxq123u',
      '承德示例食品有限公司',
      '示例路 1 号',
      'SPJ-SPJY-001:JY1；SPJ-SPJY-002:JY2',
      'B',
      '2026-10-08',
      '分类系统',
      'x',
    ];
    expect(parseTargetRow(7, fields, columns, row)).toEqual({
      ok: true,
      value: {
        target: expect.objectContaining({ uscc: '91130871MA0CXQ123U', name: '承德示例食品有限公司', operator: null }),
        licences: [
          {
            uscc: '91130871MA0CXQ123U',
            matterCode: 'SPJ-SPJY-001',
            licenceNo: 'JY1',
            status: 'valid',
            decidedAt: null,
          },
          {
            uscc: '91130871MA0CXQ123U',
            matterCode: 'SPJ-SPJY-002',
            licenceNo: 'JY2',
            status: 'valid',
            decidedAt: null,
          },
        ],
        risk: { uscc: '91130871MA0CXQ123U', riskClass: 'B', gradedOn: '2026-10-08', source: '分类系统', basis: null },
      },
    });
  });

  it('answers a bad row with its line, the column as the file names it, and the rule', () => {
    const row = ['91130871MA0CXQ12IU', '', '示例路', 'JY1', 'E', '', '', ''];
    const parsed = parseTargetRow(12, fields, columns, row);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.errors.map((e) => `${e.line}:${e.column}:${e.rule}`)).toEqual([
      '12:统一社会信用代码:isUscc',
      '12:名称:required',
      '12:许可证:matches',
      '12:风险等级:isIn',
      '12:评级日期:required',
      '12:评级来源:required',
    ]);
  });

  it('keeps inspectors to the importing department, and their validity in order', () => {
    const head = ['执法证号', '姓名', '部门', '有效期起', '有效期至', '回避企业', '在岗'];
    const f = (headerFields('inspectors', head) as { fields: string[] }).fields;
    const c = columnNames(f, head);
    expect(
      parseInspectorRow(
        2,
        f,
        c,
        ['13080020001', '王强', 'SCJG', '2024-01-01', '2027-12-31', '91130871MA0CXQ123U', '否'],
        'SCJG',
      ),
    ).toEqual({
      ok: true,
      value: expect.objectContaining({ conflicts: ['91130871MA0CXQ123U'], active: false, department: 'SCJG' }),
    });
    const bad = parseInspectorRow(3, f, c, ['13080020002', '李明', 'YJJ', '2027-01-01', '2026-12-31', '', ''], 'SCJG');
    expect(!bad.ok && bad.errors.map((e) => `${e.column}:${e.rule}`)).toEqual([
      '部门:ownDepartment',
      '有效期至:notBeforeValidFrom',
    ]);
  });
});
