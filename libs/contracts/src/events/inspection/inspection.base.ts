import { IsString, Matches } from 'class-validator';
import { IsUscc } from '../../identifiers/uscc';

/** 信用风险分类: A low … D high (the class of the SCJG's grading). */
export const RISK_CLASSES = ['A', 'B', 'C', 'D'] as const;
export type RiskClass = (typeof RISK_CLASSES)[number];

/**
 * The result categories of the national 双随机 practice (抽查检查结果类型), by a stable code; the labels are what
 * publication shows.
 */
export const RESULT_CATEGORY_LABELS = {
  'no-problem': '未发现问题',
  'rectification-ordered': '发现问题已责令改正',
  'problem-pending': '发现问题待后续处理',
  referred: '发现问题已移交相关部门处理',
  'not-publicised': '未按规定公示应当公示的信息',
  'false-publicity': '公示信息隐瞒真实情况、弄虚作假',
  unreachable: '通过登记的住所（经营场所）无法联系',
  'non-cooperative': '不配合检查情节严重',
  'no-relevant-activity': '未发现开展本次抽查涉及的经营活动',
} as const;
export type ResultCategory = keyof typeof RESULT_CATEGORY_LABELS;
export const RESULT_CATEGORIES = Object.keys(RESULT_CATEGORY_LABELS) as ResultCategory[];

/** Plan, draw and task ids: letters, digits and `._:-`, up to 64 characters. */
export const INSPECTION_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;

/** An inspection event about one plan: its id is the key. */
export class PlanEventBase {
  @Matches(INSPECTION_ID, { message: 'planId must be 1-64 letters, digits or ._:- starting with a letter or digit' })
  @IsString()
  planId!: string;
}

/** An inspection event about one enterprise: its code is the key. */
export class TargetEventBase {
  @IsUscc({ allowBadChecksum: true })
  @IsString()
  uscc!: string;
}
