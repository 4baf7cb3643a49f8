import { BlockList, isIP } from 'node:net';
import { Injectable } from '@nestjs/common';
import { FieldError } from '@hub/contracts';
import { GatewayEnv } from '../gateway.env';
import { HostResolver, ResolvedAddress } from './host-resolver';

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

/** A webhook URL the policy let through, with the addresses its host resolved to: the only ones to connect to. */
export interface CheckedTarget {
  ok: true;
  url: URL;
  addresses: readonly ResolvedAddress[];
}

export type TargetCheck = CheckedTarget | { ok: false; refusal: FieldError };

/**
 * Where the gateway may send webhooks: https only and no loopback in production (DELIVERY_ALLOW_INSECURE_TARGETS
 * decides elsewhere), and never link-local, multicast or unspecified addresses — a subscription must not make the
 * gateway call the cloud's metadata service or its own host. Checked when a URL is set and again before each call.
 * A name is resolved once per check, within DELIVERY_LOOKUP_TIMEOUT_MS, and the call connects only to the addresses
 * checked: a name re-pointed between the check and the connection (DNS rebinding) cannot take the call elsewhere. A
 * name that does not resolve in time is refused, never let be.
 */
@Injectable()
export class WebhookTargetPolicy {
  private readonly insecure: boolean;
  private readonly lookupTimeoutMs: number;

  constructor(
    env: GatewayEnv,
    private readonly resolver: HostResolver,
  ) {
    this.insecure = env.allowInsecureTargets;
    this.lookupTimeoutMs = env.DELIVERY_LOOKUP_TIMEOUT_MS;
  }

  /** Every reason the URL may not receive webhooks (empty when it may). */
  async refusals(url: string, field = 'webhookUrl'): Promise<FieldError[]> {
    const check = await this.check(url, field);
    return check.ok ? [] : [check.refusal];
  }

  /** The URL with the addresses to connect to, or why it may not receive webhooks. */
  async check(url: string, field = 'webhookUrl'): Promise<TargetCheck> {
    const refuse = (message: string): TargetCheck => ({
      ok: false,
      refusal: { field, rule: WEBHOOK_TARGET_RULE, message },
    });
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
    const literal = isIP(host);
    let addresses: readonly ResolvedAddress[];
    if (literal !== 0) addresses = [{ address: host, family: literal === 6 ? 6 : 4 }];
    else {
      const answer = await this.lookup(host);
      if (typeof answer === 'string') return refuse(`webhookUrl's host ${host} ${answer}`);
      addresses = answer;
    }
    const reasons = addresses.flatMap(({ address }) => addressRefusal(address, this.insecure) ?? []);
    if (reasons.length > 0) return refuse(`webhookUrl may not point at ${reasons[0]}`);
    return { ok: true, url: parsed, addresses };
  }

  /** The host's addresses, or what went wrong as the end of a sentence. */
  private async lookup(host: string): Promise<readonly ResolvedAddress[] | string> {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<string>((resolve) => {
      timer = setTimeout(() => resolve(`did not resolve within ${this.lookupTimeoutMs} ms`), this.lookupTimeoutMs);
    });
    // getaddrinfo cannot be cancelled: a lookup that outlives the time-out finishes unheeded.
    const looked = this.resolver.lookup(host).then(
      (addresses) => (addresses.length > 0 ? addresses : 'resolves to no address'),
      (error: unknown) => `does not resolve (${lookupFailure(error)})`,
    );
    try {
      return await Promise.race([looked, timedOut]);
    } finally {
      clearTimeout(timer);
    }
  }
}

function lookupFailure(error: unknown): string {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code === 'string') return code;
  return typeof message === 'string' ? message : String(error);
}
