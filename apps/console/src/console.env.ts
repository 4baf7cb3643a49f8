import { AssertionEnv } from '@hub/assertion';

/** The console's environment: its API takes calls through the gateway, from 信息化中心's operators only. */
export class ConsoleEnv extends AssertionEnv {}
