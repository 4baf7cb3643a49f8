import { IsIn, IsOptional, IsString, Length, Matches, ValidateIf } from 'class-validator';
import { IsCalendarDate, IsDepartmentCode, IsUscc, RISK_CLASSES, type FieldError } from '@hub/contracts';
import { validateItem } from '@hub/platform';
import type { Inspector } from '../../inspectors.repository';
import type { LicenceFact, RiskFact, TargetFacts } from '../../targets.repository';

export const IMPORT_KINDS = ['targets', 'inspectors'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** A bad row (or header) of an import: where, which column, which rule, and what to do. */
export interface RowError {
  line: number;
  column: string;
  rule: string;
  message: string;
}

const LIST_SEPARATOR = /[;；]/;
const CODES = new Set(['uscc', 'conflicts']);

/** One row of a target-directory CSV (检查对象名录). */
export class TargetCsvRow {
  @IsUscc({ allowBadChecksum: true })
  @IsString()
  uscc!: string;

  @Length(1, 200)
  @IsString()
  name!: string;

  @Length(1, 300)
  @IsString()
  address!: string;

  @Matches(/^[A-T](?:\d{2}|\d{3}|\d{4})?$/, { message: 'industryCode must be a GB/T 4754-2017 code, e.g. C2929' })
  @IsString()
  @IsOptional()
  industryCode?: string;

  @Length(1, 100)
  @IsString()
  @IsOptional()
  operator?: string;

  @IsCalendarDate()
  @IsString()
  @IsOptional()
  establishedOn?: string;

  /** `<matter code>:<licence no>`, several separated by `;`. */
  @Matches(/^[A-Z][A-Z0-9-]{1,39}:[^;；:]{1,100}(?:[;；][A-Z][A-Z0-9-]{1,39}:[^;；:]{1,100})*$/, {
    message: 'licences must be <matter code>:<licence no>, several separated by ;, e.g. SPJ-SPJY-001:JY113087100001',
  })
  @IsString()
  @IsOptional()
  licences?: string;

  @IsIn(RISK_CLASSES, { message: 'riskClass must be one of A, B, C, D' })
  @IsString()
  @IsOptional()
  riskClass?: string;

  @IsCalendarDate()
  @IsString()
  @ValidateIf((row: TargetCsvRow) => row.riskClass !== undefined || row.riskGradedOn !== undefined)
  riskGradedOn?: string;

  @Length(1, 200)
  @IsString()
  @ValidateIf((row: TargetCsvRow) => row.riskClass !== undefined || row.riskSource !== undefined)
  riskSource?: string;
}

/** One row of an inspector-directory CSV (执法检查人员名录). */
export class InspectorCsvRow {
  @Matches(/^[A-Za-z0-9._:-]{1,64}$/, { message: 'certificateNo must be 1-64 letters, digits or ._:-' })
  @IsString()
  certificateNo!: string;

  @Length(1, 100)
  @IsString()
  name!: string;

  @IsDepartmentCode()
  @IsString()
  @IsOptional()
  department?: string;

  @IsCalendarDate()
  @IsString()
  validFrom!: string;

  @IsCalendarDate()
  @IsString()
  validUntil!: string;

  @Length(1, 500)
  @IsString()
  @IsOptional()
  specialities?: string;

  @Matches(/^[0-9A-HJ-NP-RTUW-Y]{18}(?:[;；][0-9A-HJ-NP-RTUW-Y]{18})*$/, {
    message: 'conflicts must be 统一社会信用代码 separated by ;',
  })
  @IsString()
  @IsOptional()
  conflicts?: string;

  @IsIn(['是', '否', 'true', 'false', 'yes', 'no'], { message: 'active must be 是 or 否' })
  @IsString()
  @IsOptional()
  active?: string;
}

/** The headers each kind reads: its field names, or the Chinese ones Excel users write. */
export const CSV_COLUMNS: Record<ImportKind, Record<string, string[]>> = {
  targets: {
    uscc: ['统一社会信用代码'],
    name: ['名称', '企业名称'],
    address: ['住所', '地址'],
    industryCode: ['行业代码'],
    operator: ['法定代表人', '经营者'],
    establishedOn: ['成立日期'],
    licences: ['许可证'],
    riskClass: ['风险等级', '信用风险分类'],
    riskGradedOn: ['评级日期'],
    riskSource: ['评级来源'],
  },
  inspectors: {
    certificateNo: ['执法证号'],
    name: ['姓名'],
    department: ['部门'],
    validFrom: ['有效期起'],
    validUntil: ['有效期至'],
    specialities: ['专业领域'],
    conflicts: ['回避企业'],
    active: ['在岗'],
  },
};

const REQUIRED: Record<ImportKind, string[]> = {
  targets: ['uscc', 'name', 'address'],
  inspectors: ['certificateNo', 'name', 'validFrom', 'validUntil'],
};

/** The field each column holds (undefined: a column the kind does not read), or the header's errors. */
export function headerFields(
  kind: ImportKind,
  header: readonly string[],
): { fields: (string | undefined)[] } | { errors: RowError[] } {
  const byName = new Map<string, string>();
  for (const [field, aliases] of Object.entries(CSV_COLUMNS[kind])) {
    for (const name of [field, ...aliases]) byName.set(name.toLowerCase(), field);
  }
  const fields = header.map((h) => byName.get(h.trim().toLowerCase()));
  const errors: RowError[] = REQUIRED[kind]
    .filter((field) => !fields.includes(field))
    .map((field) => ({
      line: 1,
      column: field,
      rule: 'requiredColumn',
      message: `the header must have a column ${field} (or ${CSV_COLUMNS[kind][field]!.join(' / ')})`,
    }));
  return errors.length > 0 ? { errors } : { fields };
}

export interface TargetImport {
  target: TargetFacts;
  licences: LicenceFact[];
  risk: RiskFact | null;
}

/** A row's cells by field: blank cells are absent. */
function cellsOf(fields: readonly (string | undefined)[], record: readonly string[]): Record<string, string> {
  const cells: Record<string, string> = {};
  fields.forEach((field, i) => {
    const value = record[i]?.trim();
    // Codes are upper case (GB 32100-2015); a spreadsheet may have lowered them.
    if (field !== undefined && value !== undefined && value !== '')
      cells[field] = CODES.has(field) ? value.toUpperCase() : value;
  });
  return cells;
}

/** One error for a blank cell that must be filled (`required`), every rule broken for a filled one. */
function rowErrors(
  line: number,
  columns: Map<string, string>,
  cells: Record<string, string>,
  errors: FieldError[],
): RowError[] {
  const seen = new Set<string>();
  return errors.flatMap((e) => {
    const column = columns.get(e.field) ?? e.field;
    if (cells[e.field] !== undefined) return [{ line, column, rule: e.rule, message: e.message }];
    if (seen.has(e.field)) return [];
    seen.add(e.field);
    return [{ line, column, rule: 'required', message: `${column} must not be empty` }];
  });
}

/** The column headers by field, as the file spells them (for the errors). */
export function columnNames(fields: readonly (string | undefined)[], header: readonly string[]): Map<string, string> {
  const names = new Map<string, string>();
  fields.forEach((field, i) => field !== undefined && !names.has(field) && names.set(field, header[i]!.trim()));
  return names;
}

const list = (value: string | undefined): string[] =>
  value === undefined
    ? []
    : [
        ...new Set(
          value
            .split(LIST_SEPARATOR)
            .map((s) => s.trim())
            .filter((s) => s !== ''),
        ),
      ];

export function parseTargetRow(
  line: number,
  fields: readonly (string | undefined)[],
  columns: Map<string, string>,
  record: readonly string[],
): { ok: true; value: TargetImport } | { ok: false; errors: RowError[] } {
  const cells = cellsOf(fields, record);
  const checked = validateItem(TargetCsvRow, cells);
  if (!checked.ok) return { ok: false, errors: rowErrors(line, columns, cells, checked.errors) };
  const r = checked.value;
  const uscc = r.uscc;
  return {
    ok: true,
    value: {
      target: {
        uscc,
        name: r.name,
        operator: r.operator ?? null,
        address: r.address,
        industryCode: r.industryCode ?? null,
        establishedOn: r.establishedOn ?? null,
      },
      licences: list(r.licences).map((entry) => {
        const [matterCode, licenceNo] = entry.split(':') as [string, string];
        return { uscc, matterCode, licenceNo, status: 'valid' as const, decidedAt: null };
      }),
      risk:
        r.riskClass === undefined
          ? null
          : {
              uscc,
              riskClass: r.riskClass as RiskFact['riskClass'],
              gradedOn: r.riskGradedOn!,
              source: r.riskSource!,
              basis: null,
            },
    },
  };
}

export function parseInspectorRow(
  line: number,
  fields: readonly (string | undefined)[],
  columns: Map<string, string>,
  record: readonly string[],
  department: string,
): { ok: true; value: Inspector } | { ok: false; errors: RowError[] } {
  const cells = cellsOf(fields, record);
  const checked = validateItem(InspectorCsvRow, cells);
  if (!checked.ok) return { ok: false, errors: rowErrors(line, columns, cells, checked.errors) };
  const r = checked.value;
  const errors: RowError[] = [];
  if (r.department !== undefined && r.department !== department) {
    errors.push({
      line,
      column: columns.get('department')!,
      rule: 'ownDepartment',
      message: `department must be ${department}, the importing department's own, not ${r.department}`,
    });
  }
  if (r.validUntil < r.validFrom) {
    errors.push({
      line,
      column: columns.get('validUntil')!,
      rule: 'notBeforeValidFrom',
      message: `validUntil ${r.validUntil} must not be before validFrom ${r.validFrom}`,
    });
  }
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      certificateNo: r.certificateNo,
      department,
      name: r.name,
      validFrom: r.validFrom,
      validUntil: r.validUntil,
      specialities: list(r.specialities),
      conflicts: list(r.conflicts),
      active: r.active === undefined || ['是', 'true', 'yes'].includes(r.active),
    },
  };
}
