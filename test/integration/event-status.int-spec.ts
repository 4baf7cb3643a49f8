import { randomUUID } from 'node:crypto';
import { gatewayApp } from '../../apps/gateway/src/gateway.app';
import { toGatewayEnv } from '../../apps/gateway/src/gateway.env';
import type { EventStatus } from '../../apps/gateway/src/event-status/event-status.service';
import { supervisionApp } from '../../apps/supervision/src/supervision.app';
import { CloudEvent, EnterpriseDeregisteredV1, createEvent } from '@hub/contracts';
import { demoEnterprises, enterpriseRegisteredEvent } from '@hub/demo';
import { RunningHubApp, startHubApp } from '@hub/platform';
import { IsolatedEnv, eventually, isolatedEnv, signedCall } from '@hub/testing';

/**
 * What became of an event, across apps: the gateway answers its publisher with what a real consuming app (the
 * supervision app's enterprise directory) did with it, both in-process on the real broker and database.
 */
describe('what became of my event, with a real consumer', () => {
  let iso: IsolatedEnv;
  let gateway: RunningHubApp;
  let supervision: RunningHubApp;
  const admin = { accessKeyId: 'AKFATEADMIN', secret: 'fate-admin-secret-0123456789abcdef' };
  let spj: { accessKeyId: string; secret: string };

  const publish = async (event: CloudEvent): Promise<void> => {
    const answer = await signedCall(gateway.url, spj, 'POST', '/v1/events', event, 'application/cloudevents+json');
    expect(answer.status).toBe(202);
  };
  const statusOf = async (id: string): Promise<EventStatus> => {
    const answer = await signedCall<EventStatus>(gateway.url, spj, 'GET', `/v1/events/${id}`);
    expect(answer.status).toBe(200);
    return answer.body;
  };

  beforeAll(async () => {
    iso = await isolatedEnv();
    gateway = await startHubApp(
      gatewayApp,
      toGatewayEnv(iso.env, { HUB_ADMIN_ACCESS_KEY_ID: admin.accessKeyId, HUB_ADMIN_SECRET: admin.secret }),
    );
    const system = await signedCall<{ credential: typeof spj }>(gateway.url, admin, 'POST', '/v1/admin/systems', {
      department: 'SPJ',
      name: 'registration',
    });
    expect(system.status).toBe(201);
    spj = system.body.credential;
    supervision = await startHubApp(supervisionApp, iso.env);
    await eventually(() => {
      expect(gateway.server.isJoined).toBe(true);
      expect(supervision.server.isJoined).toBe(true);
    });
  });

  afterAll(async () => {
    await supervision?.close();
    await gateway?.close();
    await iso?.dispose();
  });

  it('is consumed where the app applied it, dead-lettered with the reason where the app refused it', async () => {
    const [known, unknown] = demoEnterprises(2, 500_000);
    const registered = enterpriseRegisteredEvent(known, randomUUID());
    // A deregistration of an enterprise the hub never heard of: accepted (202), then refused by the business rule.
    const deregistered = createEvent(
      EnterpriseDeregisteredV1,
      { uscc: unknown.uscc, deregisteredOn: '2026-11-30', reason: '决议解散' },
      { source: registered.source, department: 'SPJ' },
    );
    await publish(registered);
    await publish(deregistered);
    const group = `${iso.topicPrefix}supervision`;

    await eventually(async () =>
      expect((await statusOf(registered.id)).consumers).toContainEqual({ consumer: group, status: 'consumed' }),
    );
    const refused = await eventually(async () => {
      const answer = await statusOf(deregistered.id);
      expect(answer.consumers).toContainEqual({ consumer: group, status: 'dead-lettered' });
      return answer;
    });
    expect(refused.deadLetters.find((l) => l.consumer === group)).toMatchObject({
      reason: expect.stringContaining(`enterprise ${unknown.uscc} is not in the directory`),
      errors: [expect.objectContaining({ field: 'data.uscc', rule: 'registered' })],
    });
    const listed = await signedCall<{ id: string; consumer: string }[]>(gateway.url, spj, 'GET', '/v1/dead-letters');
    expect(listed.body).toContainEqual(expect.objectContaining({ id: deregistered.id, consumer: group }));
  });
});
