import { Matches } from 'class-validator';
import { AssertionEnv } from '@hub/assertion';

/**
 * The console's environment: its API takes calls through the gateway, from 信息化中心's operators only; its pages
 * call the gateway for people, with their session.
 */
export class ConsoleEnv extends AssertionEnv {
  /** Where the pages reach the gateway: people's sessions, and every app's API through its door. */
  @Matches(/^https?:\/\/[^\s/]+(\/\S*)?$/, { message: 'GATEWAY_URL must be an http(s) URL' })
  GATEWAY_URL = 'http://127.0.0.1:3000';
}
