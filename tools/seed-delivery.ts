import { HubClient } from '@hub/sdk';
import { DEMO_ENTITLEMENTS } from '@hub/demo';

interface Credential {
  accessKeyId: string;
  secret: string;
}

/**
 * Grants the demo zone's entitlements through the gateway's admin API and subscribes 市场监管分局's demo system to
 * its egress topic (`hub tail --egress --department SCJG` then shows what the 审批局 publishes). Granting and
 * subscribing again change nothing.
 */
export async function seedDemoDelivery(gatewayUrl: string, admin: Credential, scjg: Credential): Promise<string> {
  const hub = new HubClient({ url: gatewayUrl, ...admin, retries: 5 });
  // At once: a new grant answers only once delivery has seen it (a fifth of a second).
  const grants = DEMO_ENTITLEMENTS.flatMap(({ department, eventTypes }) =>
    eventTypes.map((type) => hub.request('PUT', `/v1/admin/entitlements/${department}/${encodeURIComponent(type)}`)),
  );
  await Promise.all(grants);
  const granted = grants.length;
  const supervision = new HubClient({ url: gatewayUrl, ...scjg, retries: 5 });
  const existing = await supervision.request<{ mode: string; topic?: string }[]>('GET', '/v1/subscriptions');
  let egress = existing.find((s) => s.mode === 'egress');
  if (!egress) {
    const eventTypes = DEMO_ENTITLEMENTS.find((e) => e.department === 'SCJG')?.eventTypes ?? [];
    egress = await supervision.request<{ mode: string; topic?: string }>('POST', '/v1/subscriptions', {
      body: { eventTypes, mode: 'egress' },
    });
  }
  return `${granted} entitlements of ${DEMO_ENTITLEMENTS.length} departments; SCJG's events on ${egress.topic}`;
}
