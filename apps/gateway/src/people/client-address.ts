import { isIP } from 'node:net';
import type { Request } from 'express';
import { ProblemException } from '@hub/platform';
import { CLIENT_ADDRESS_HEADER } from './people-problems';

/**
 * Where a person's call came from, for the audit: Hub-Client-Address, which the console sets to the browser's
 * address as it saw it, else the connection's. It is what the caller says, not proof: the audit shows it as told.
 */
export function clientAddress(request: Request): string | null {
  const told = request.headers[CLIENT_ADDRESS_HEADER];
  if (told === undefined) return request.socket.remoteAddress ?? null;
  if (typeof told !== 'string' || isIP(told.trim()) === 0) {
    throw new ProblemException(400, 'invalid-request', `${CLIENT_ADDRESS_HEADER} is not an IP address`, [
      { field: CLIENT_ADDRESS_HEADER, rule: 'isIp', message: 'send the IPv4 or IPv6 address of the person' },
    ]);
  }
  return told.trim();
}
