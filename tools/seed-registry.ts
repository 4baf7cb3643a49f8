import { DEMO_ISSUER, DEMO_LICENCE_TYPES, demoIssuerKeyPem, demoRegistryEvents } from '@hub/demo';
import { HubClient } from '@hub/sdk';

interface Credential {
  accessKeyId: string;
  secret: string;
}

/**
 * 电子证照 / 电子印章 demo data (outside production only), as the 审批局's demo system: the licence catalogue and its
 * issuer's SM2 key through the registry's API at the door, then grants, e-licences and seals through the intake.
 * Seeding again changes nothing (the same catalogue and key; the events' ids are fixed, so the hub refuses them).
 */
export async function seedDemoRegistry(gatewayUrl: string, spj: Credential): Promise<string> {
  const hub = new HubClient({ url: gatewayUrl, ...spj, retries: 5 });
  for (const { typeCode, ...type } of DEMO_LICENCE_TYPES) {
    await hub.request('PUT', `/v1/registry/licence-types/${typeCode}`, { body: type });
  }
  await hub.request('PUT', `/v1/registry/issuer-keys/${DEMO_ISSUER}`, { body: { publicKeyPem: demoIssuerKeyPem() } });
  const events = demoRegistryEvents(new Date());
  for (let i = 0; i < events.length; i += 500) {
    const { results } = await hub.publishBatch(events.slice(i, i + 500));
    // An id the hub took before with other data (an earlier start's timestamps) is the demo seeded already.
    const refused = results.filter((r) => !r.ok && !r.problem.type.endsWith(':id-conflict'));
    if (refused.length > 0) throw new Error(`demo registry events refused: ${JSON.stringify(refused.slice(0, 3))}`);
  }
  return `${DEMO_LICENCE_TYPES.length} licence types, ${events.length} grants, e-licences and seals`;
}
