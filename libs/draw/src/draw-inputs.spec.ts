import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DrawInputError } from './draw-inputs';
import { fromHex } from './utf8';
import { runDraw, verifyDrawRecord } from './draw-node';
import type { DrawDepartment, DrawRecord } from './draw-types';

const vector = (): DrawRecord =>
  JSON.parse(readFileSync(join(__dirname, '..', 'test-vectors', 'ssgk-draw-1-vector.json'), 'utf8')) as DrawRecord;

/** Each bad record, and the field and rule the verifier must name. */
const BAD: [string, (r: DrawRecord) => void, string][] = [
  ['planId missing', (r) => delete (r as Partial<DrawRecord>).planId, 'planId: must be a string'],
  ['ratio above 100 %', (r) => (r.strata[0]!.ratioBp = 10001), 'strata[0].ratioBp: must be an integer from 0 to 10000'],
  ['ratio a fraction', (r) => (r.strata[1]!.ratioBp = 0.5), 'strata[1].ratioBp: must be an integer from 0 to 10000'],
  ['two strata of one name', (r) => (r.strata[1]!.name = 'A'), 'strata[1].name: repeats the stratum "A"'],
  [
    'a candidate twice',
    (r) => r.strata[1]!.candidates.push('91130871MA0CXQ123U'),
    'strata[1].candidates[2]: repeats the candidate "91130871MA0CXQ123U"',
  ],
  [
    'a candidate twice in its stratum',
    (r) => r.strata[0]!.candidates.push('91130871MA0CXQ234M'),
    'strata[0].candidates[3]: repeats the candidate "91130871MA0CXQ234M"',
  ],
  [
    'a lone surrogate',
    (r) => (r.strata[0]!.candidates[1] = 'x\ud800'),
    'strata[0].candidates[1]: must be well-formed Unicode (it has a lone surrogate)',
  ],
  [
    'no team size',
    (r) => delete (r.departments[0] as Partial<DrawDepartment>).inspectorsPerTarget,
    'departments[0].inspectorsPerTarget: must be an integer from 1 to 9007199254740991',
  ],
  ['a cap of 0', (r) => (r.maxTargetsPerInspector = 0), 'maxTargetsPerInspector: must be an integer from 1'],
  [
    'a candidate without eligible lists',
    (r) => delete r.eligible['91130871MA0DDD0002'],
    'eligible["91130871MA0DDD0002"]: must be an object',
  ],
  [
    'an inspector listed twice',
    (r) => r.eligible['91130871MA0CXQ345F']!.SCJG!.push('I-03'),
    'eligible["91130871MA0CXQ345F"]["SCJG"][3]: repeats "I-03"',
  ],
  ['another protocol', (r) => ((r as { protocol: string }).protocol = 'SSGK-DRAW-2'), 'protocol: must be SSGK-DRAW-1'],
  ['an uppercase commitment', (r) => (r.commitment = r.commitment.toUpperCase()), 'commitment: must be 64 lowercase'],
  ['a short secret', (r) => (r.secretHex = 'a1'), 'secretHex: must be 64 hex digits'],
  ['no entropy', (r) => ((r as unknown as { entropy: number }).entropy = 42), 'entropy: must be a string'],
  [
    'a team of numbers',
    (r) => ((r.targets[2]!.teams as Record<string, unknown>).SCJG = [1, 2]),
    'targets[2].teams["SCJG"][0]: must be a string',
  ],
];

describe('the draw record checks', () => {
  it.each(BAD)('names the field of %s', (_case, spoil, message) => {
    const record = vector();
    spoil(record);
    const verification = verifyDrawRecord(record);
    expect(verification.ok).toBe(false);
    expect(verification.checks).toHaveLength(1);
    expect(verification.firstFailure).toMatchObject({ name: 'record', label: '记录格式', ok: false });
    expect(verification.firstFailure!.detail).toContain(message);
  });

  it('names a record that is not an object', () => {
    for (const value of [[vector()], 'a record', null]) {
      expect(verifyDrawRecord(value).firstFailure?.detail).toBe('record: must be an object');
    }
  });

  it('names an unknown department in a team and a team left out', () => {
    const extra = vector();
    extra.targets[0]!.teams.YJGL = ['I-09', 'I-10'];
    expect(verifyDrawRecord(extra).firstFailure).toMatchObject({
      name: 'teams',
      detail: 'targets[0].teams: names "YJGL", not a department of the plan',
    });
    const missing = vector();
    delete (missing.targets[1]!.teams as Record<string, unknown>).SCJG;
    expect(verifyDrawRecord(missing).firstFailure?.detail).toBe(
      'targets[1].teams["SCJG"]: the record has no team, recomputed ["I-02","I-01"]',
    );
  });

  it('refuses to draw from bad inputs, naming the field', () => {
    const record = vector();
    const secret = fromHex(record.secretHex);
    expect(() => runDraw(record, secret.subarray(1), record.entropy)).toThrow(
      new DrawInputError('secret', 'must be 32 bytes'),
    );
    record.departments.push({ code: 'SCJG', inspectorsPerTarget: 2 });
    expect(() => runDraw(record, secret, record.entropy)).toThrow('departments[1].code: repeats the department "SCJG"');
  });
});
