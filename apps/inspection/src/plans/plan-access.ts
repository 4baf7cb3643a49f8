import type { AssertedCaller } from '@hub/assertion';
import { ProblemException } from '@hub/platform';
import { mayActFor } from '../people';
import type { Plan } from './plans.repository';

export function planNotFound(id: string): ProblemException {
  return new ProblemException(404, 'not-found', `no plan ${id}`);
}

/** Only the leading department's supervisors (or its system) lock a plan or void its draw. */
export function assertLeads(caller: AssertedCaller, plan: Plan, action: string): void {
  if (!mayActFor(caller, plan.leadDepartment)) {
    throw new ProblemException(
      403,
      'forbidden',
      `only a supervisor of ${plan.leadDepartment}, the plan's leading department, may ${action} plan ${plan.id}`,
    );
  }
}

/** A supervisor of any of the plan's departments draws it (with the witness present). */
export function assertTakesPart(caller: AssertedCaller, plan: Plan, action: string): void {
  if (!plan.departments.some((d) => mayActFor(caller, d.code))) {
    throw new ProblemException(
      403,
      'forbidden',
      `only a supervisor of the plan's departments (${plan.departments.map((d) => d.code).join(', ')}) may ${action} plan ${plan.id}`,
    );
  }
}

export function assertState(plan: Plan, wanted: Plan['state'], action: string): void {
  if (plan.state !== wanted) {
    throw new ProblemException(
      409,
      'conflict',
      `plan ${plan.id} is ${plan.state}: only a ${wanted} plan can be ${action}`,
    );
  }
}
