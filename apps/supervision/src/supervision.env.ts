import { DepartmentAuthEnv } from '@hub/department-auth';

/** The supervision app's environment: signed department calls and the claim and supervision deadline scheduler. */
export class SupervisionEnv extends DepartmentAuthEnv {}
