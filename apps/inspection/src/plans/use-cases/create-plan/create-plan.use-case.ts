import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { AssertedCaller } from '@hub/assertion';
import type { FieldError } from '@hub/contracts';
import { ProblemException } from '@hub/platform';
import { ItemsRepository } from '../../../directories/items.repository';
import { DEFAULT_RATIOS_BP, type Ratios } from '../../plan-rules';
import { Plan, PlansRepository } from '../../plans.repository';
import { CreatePlanDto } from './plan.dto';

/** The leading department sends at least two certified inspectors to each target (GLOSSARY). */
export const LEAD_MIN_INSPECTORS = 2;

/**
 * A department's supervisor makes a plan: annual (its own) or joint (联合抽查: one visit, several departments'
 * items, the caller's department leading). Every item named must be on its department's list.
 */
@Injectable()
export class CreatePlan {
  constructor(
    private readonly dataSource: DataSource,
    private readonly plans: PlansRepository,
    private readonly items: ItemsRepository,
  ) {}

  async create(caller: AssertedCaller, dto: CreatePlanDto): Promise<Plan> {
    const errors = planErrors(caller.department, dto);
    const listed = await this.items.list(
      this.dataSource.manager,
      dto.departments.map((d) => d.code),
    );
    dto.departments.forEach((d, i) =>
      d.itemCodes.forEach((code, j) => {
        if (!listed.some((item) => item.department === d.code && item.code === code)) {
          errors.push({
            field: `departments[${i}].itemCodes[${j}]`,
            rule: 'listedItem',
            message: `${code} is not on ${d.code}'s item list (随机抽查事项清单)`,
          });
        }
      }),
    );
    if (errors.length > 0) throw new ProblemException(400, 'invalid-request', 'the plan is invalid', errors);
    const ratios: Ratios = { ...DEFAULT_RATIOS_BP, ...definedOf(dto.ratios ?? {}) };
    const id = dto.id ?? `${caller.department}-${dto.year}-${randomBytes(3).toString('hex')}`;
    const plan = {
      id,
      title: dto.title,
      year: dto.year,
      kind: dto.departments.length > 1 ? ('joint' as const) : ('annual' as const),
      leadDepartment: caller.department,
      departments: dto.departments.map((d) => ({
        code: d.code,
        inspectorsPerTarget: d.inspectorsPerTarget,
        itemCodes: d.itemCodes,
      })),
      ratios,
      maxTargetsPerInspector: dto.maxTargetsPerInspector ?? null,
      enterpriseAnnualCap: dto.enterpriseAnnualCap,
      inspectionDate: dto.inspectionDate,
      state: 'draft' as const,
      createdBy: caller.subject,
    };
    const inserted = await this.dataSource.transaction((m) => this.plans.insert(m, plan));
    if (!inserted) throw new ProblemException(409, 'conflict', `a plan ${id} exists already`);
    return (await this.plans.find(this.dataSource.manager, id))!;
  }
}

/** What the plan breaks of the rules no list decides. */
export function planErrors(callerDepartment: string, dto: CreatePlanDto): FieldError[] {
  const errors: FieldError[] = [];
  const lead = dto.departments[0]!;
  if (lead.code !== callerDepartment) {
    errors.push({
      field: 'departments[0].code',
      rule: 'leadIsCaller',
      message: `the leading department (the first) must be ${callerDepartment}, the caller's own`,
    });
  }
  if (lead.inspectorsPerTarget < LEAD_MIN_INSPECTORS) {
    errors.push({
      field: 'departments[0].inspectorsPerTarget',
      rule: 'min',
      message: `the leading department sends at least ${LEAD_MIN_INSPECTORS} certified inspectors to each target`,
    });
  }
  const codes = dto.departments.map((d) => d.code);
  codes.forEach((code, i) => {
    if (codes.indexOf(code) !== i) {
      errors.push({ field: `departments[${i}].code`, rule: 'unique', message: `${code} is in the plan twice` });
    }
  });
  if (!dto.inspectionDate.startsWith(String(dto.year))) {
    errors.push({
      field: 'inspectionDate',
      rule: 'inPlanYear',
      message: `inspectionDate must fall in the plan's year ${dto.year}`,
    });
  }
  return errors;
}

function definedOf<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
