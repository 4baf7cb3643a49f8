import { randomUUID } from 'node:crypto';
import { consoleApp } from '../../apps/console/src/console.app';
import { gatewayApp } from '../../apps/gateway/src/gateway.app';
import { toGatewayEnv } from '../../apps/gateway/src/gateway.env';
import type { DeliveryView } from '../../apps/gateway/src/delivery/subscriptions.service';
import { supervisionApp } from '../../apps/supervision/src/supervision.app';
import { DeadLetterRecordedV1, EnterpriseDeregisteredV1, createEvent } from '@hub/contracts';
import { demoEnterprises } from '@hub/demo';
import { RunningHubApp, startHubApp } from '@hub/platform';
import { IsolatedEnv, WebhookReceiver, eventually, isolatedEnv, signedCall } from '@hub/testing';

type Credential = { accessKeyId: string; secret: string };

/**
 * A 202 is not the last word: a department subscribes to the dead letters of its own events, and receives each as the
 * console stores it — the gateway, the supervision app (the consumer that refuses) and the console in-process on the
 * real broker and database, the subscriptions' webhooks real local HTTP servers.
 */
describe('dead-letter notices to the publishing department', () => {
  let iso: IsolatedEnv;
  const apps: RunningHubApp[] = [];
  let gateway: RunningHubApp;
  const admin = { accessKeyId: 'AKNOTICEADMIN', secret: 'notice-admin-secret-0123456789abcdef' };
  const receivers: WebhookReceiver[] = [];

  const credential = async (department: string): Promise<Credential> => {
    const system = await signedCall<{ credential: Credential }>(gateway.url, admin, 'POST', '/v1/admin/systems', {
      department,
      name: 'registration',
    });
    expect(system.status).toBe(201);
    return system.body.credential;
  };

  /** A webhook subscription of the department's system to the notices, and the receiver it delivers to. */
  const subscribe = async (as: Credential): Promise<{ id: string; receiver: WebhookReceiver }> => {
    const receiver = await WebhookReceiver.start();
    receivers.push(receiver);
    const created = await signedCall<{ id: string; webhookSecret: string }>(
      gateway.url,
      as,
      'POST',
      '/v1/subscriptions',
      { eventTypes: [DeadLetterRecordedV1.type], mode: 'webhook', webhookUrl: receiver.url },
    );
    expect(created.status).toBe(201);
    receiver.secrets.push(created.body.webhookSecret);
    return { id: created.body.id, receiver };
  };

  beforeAll(async () => {
    iso = await isolatedEnv();
    gateway = await startHubApp(
      gatewayApp,
      toGatewayEnv(iso.env, {
        HUB_ADMIN_ACCESS_KEY_ID: admin.accessKeyId,
        HUB_ADMIN_SECRET: admin.secret,
        DELIVERY_POLL_MS: '100',
        DELIVERY_BACKOFF_BASE_MS: '50',
        DELIVERY_BACKOFF_MAX_MS: '400',
      }),
    );
    apps.push(gateway, await startHubApp(supervisionApp, iso.env), await startHubApp(consoleApp, iso.env));
    await eventually(() => apps.forEach((app) => expect(app.server.isJoined).toBe(true)));
  });

  afterAll(async () => {
    for (const app of apps.reverse()) await app.close();
    for (const receiver of receivers) await receiver.close();
    await iso?.dispose();
  });

  it("reaches the publisher's subscription with the consumer and the reason, and no other department's", async () => {
    const spj = await credential('SPJ');
    const scjg = await credential('SCJG');
    // Neither department is entitled to the notices: each subscribes to its own all the same.
    const own = await subscribe(spj);
    const other = await subscribe(scjg);

    // A deregistration of an enterprise the hub never heard of: accepted (202), then refused by the supervision app.
    const [unknown] = demoEnterprises(1, 600_000);
    const deregistered = createEvent(
      EnterpriseDeregisteredV1,
      { uscc: unknown!.uscc, deregisteredOn: '2026-11-30', reason: '决议解散' },
      { source: '/departments/SPJ/systems/registration', id: randomUUID(), department: 'SPJ' },
    );
    const accepted = await signedCall(
      gateway.url,
      spj,
      'POST',
      '/v1/events',
      deregistered,
      'application/cloudevents+json',
    );
    expect(accepted.status).toBe(202);

    const [notice] = await eventually(() => {
      const received = own.receiver.accepted.filter((r) => r.event.type === DeadLetterRecordedV1.type);
      expect(received).toHaveLength(1);
      return received;
    });
    const data = notice!.event['data'] as Record<string, unknown>;
    expect(notice!.verified).toBe(true);
    expect(notice!.event).toMatchObject({ source: '/apps/console', subject: data['deadLetterId'] });
    expect(data).toMatchObject({
      department: 'SPJ',
      eventId: deregistered.id,
      eventSource: deregistered.source,
      eventType: EnterpriseDeregisteredV1.type,
      consumer: `${iso.topicPrefix}supervision`,
      reason: expect.stringContaining(`enterprise ${unknown!.uscc} is not in the directory`),
      originalTopic: `${iso.topicPrefix}${EnterpriseDeregisteredV1.topic}`,
    });

    // The gateway records every subscription's delivery of a notice in one transaction: SCJG's would be there by now.
    const others = await signedCall<DeliveryView[]>(
      gateway.url,
      scjg,
      'GET',
      `/v1/subscriptions/${other.id}/deliveries`,
    );
    expect(others.status).toBe(200);
    expect(others.body).toEqual([]);
    expect(other.receiver.requests).toEqual([]);
  });

  it('is granted to no department: each gets its own already', async () => {
    const granted = await signedCall<{ errors: { field: string; rule: string }[] }>(
      gateway.url,
      admin,
      'PUT',
      `/v1/admin/entitlements/SCJG/${DeadLetterRecordedV1.type}`,
    );
    expect(granted.status).toBe(400);
    expect(granted.body.errors).toEqual([expect.objectContaining({ field: 'eventType', rule: 'notAddressed' })]);
  });
});
