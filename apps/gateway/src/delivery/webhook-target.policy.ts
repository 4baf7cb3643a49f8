import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { Injectable } from '@nestjs/common';
import { FieldError } from '@hub/contracts';
import { GatewayEnv } from '../gateway.env';

export const WEBHOOK_TARGET_RULE = 'webhookTarget';

/** Never a webhook target: "this network", link-local (cloud metadata at 169.254.169.254), multicast, broadcast. */
const NEVER = new BlockList();
NEVER.addSubnet('0.0.0.0', 8, 'ipv4');
NEVER.addSubnet('169.254.0.0', 16, 'ipv4');
NEVER.addSubnet('224.0.0.0', 4, 'ipv4');
NEVER.addAddress('255.255.255.255', 'ipv4');
NEVER.addAddress('::', 'ipv6');
NEVER.addSubnet('fe80::', 10, 'ipv6');
NEVER.addSubnet('ff00::', 8, 'ipv6');

/** The gateway's own host: a target there could reach what only the gateway should. */
const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

/**
 * Why an address may not receive webhooks, or undefined when it may. Department systems sit on the government
 * network, so private ranges (10/8, 172.16/12, 192.168/16) are fine; loopback only where insecure targets are allowed.
 */
export function addressRefusal(address: string, allowLoopback: boolean): string | undefined {
  // An IPv4-mapped IPv6 address (::ffff:a.b.c.d) is judged as the IPv4 address it carries.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  const ip = mapped ?? address;
  const family = isIP(ip) === 6 ? 'ipv6' : 'ipv4';
  if (NEVER.check(ip, family)) return `${address} is a link-local, multicast or unspecified address`;
  if (!allowLoopback && LOOPBACK.check(ip, family)) return `${address} is the gateway's own host (loopback)`;
  return undefined;
}

/**
 * Where the gateway may send webhooks: https only and no loopback in production (DELIVERY_ALLOW_INSECURE_TARGETS
 * decides elsewhere), and never link-local, multicast or unspecified addresses — a subscription must not make the
 * gateway call the cloud's metadata service or its own host. Checked when a URL is set and again before each call,
 * on what the name resolves to then (a name re-pointed in between is refused at the call).
 */
@Injectable()
export class WebhookTargetPolicy {
  private readonly insecure: boolean;

  constructor(env: GatewayEnv) {
    this.insecure = env.allowInsecureTargets;
  }

  /** Every reason the URL may not receive webhooks (empty when it may); a name that does not resolve is let be. */
  async refusals(url: string, field = 'webhookUrl'): Promise<FieldError[]> {
    const refuse = (message: string): FieldError[] => [{ field, rule: WEBHOOK_TARGET_RULE, message }];
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return refuse('webhookUrl must be an absolute http(s) URL');
    }
    if (parsed.protocol !== 'https:' && !(this.insecure && parsed.protocol === 'http:')) {
      return refuse(`webhookUrl must use https${this.insecure ? ' or http' : ''}`);
    }
    const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
    let addresses: string[];
    if (isIP(host) !== 0) addresses = [host];
    else {
      try {
        addresses = (await lookup(host, { all: true })).map((a) => a.address);
      } catch {
        // Not resolvable now: the call will fail and be retried, and checked again then.
        return [];
      }
    }
    const reasons = addresses.flatMap((address) => addressRefusal(address, this.insecure) ?? []);
    return reasons.length === 0 ? [] : refuse(`webhookUrl may not point at ${reasons[0]}`);
  }
}
