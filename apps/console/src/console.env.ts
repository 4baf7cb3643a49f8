import { DepartmentAuthEnv } from '@hub/department-auth';

/** The console's environment: its API takes signed calls, from 信息化中心's operators only. */
export class ConsoleEnv extends DepartmentAuthEnv {}
