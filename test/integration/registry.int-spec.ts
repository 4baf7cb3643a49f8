import { loadEnv } from '@hub/config';
import {
  CloudEvent,
  DeadLetterHeaders,
  ELicenceIssuedV1,
  GapClosedV1,
  GapOpenedV1,
  LicenceGrantedV1,
  Topics,
  createEvent,
  deadLetterTopic,
  toKafkaMessage,
} from '@hub/contracts';
import { demoUscc } from '@hub/demo';
import { RunningHubApp, startHubApp } from '@hub/platform';
import { IsolatedEnv, assertedCall, eventually, isolatedEnv, readTopic, testKafka } from '@hub/testing';
import { registryApp } from '../../apps/registry/src/registry.app';
import { RegistryEnv } from '../../apps/registry/src/registry.env';
import { sql as query } from '../linkage/linkage-client';
import { FOOD_TYPE, Issuer } from '../registry/registry-client';

/**
 * The registry app in this process on the real broker and database, fed on its canonical topics as the gateway
 * forwards: what it accepted survives a restart, a bad e-licence is dead-lettered naming the field, and the gap's
 * events reach its topic.
 */
describe('the registry app on Kafka and PostgreSQL', () => {
  let iso: IsolatedEnv;
  let hub: RunningHubApp;
  let env: RegistryEnv;
  const issuer = new Issuer('INT');
  const matterCode = 'SPJ-SPJY-INT';

  const sql = <T>(text: string, values: unknown[] = []) => query<T>(iso.databaseUrl, text, values);
  const send = async (topic: string, events: CloudEvent[]) => {
    const producer = testKafka(iso.brokers).producer();
    await producer.connect();
    try {
      await producer.send({
        topic: `${iso.topicPrefix}${topic}`,
        messages: events.map((e) => toKafkaMessage(e, 'binary')),
      });
    } finally {
      await producer.disconnect();
    }
  };
  const asSpj = (method: string, path: string, body?: unknown) =>
    assertedCall(hub.url, iso.edgeKeys.privateKey, { audience: 'registry', department: 'SPJ' }, method, path, body);
  const start = async () => {
    hub = await startHubApp(registryApp, env);
    await eventually(() => expect(hub.server.isJoined).toBe(true));
  };
  const gap = async (id: string) =>
    (
      await sql<{ closed_at: Date | null; check: string | null }>(
        `SELECT closed_at, "check" FROM registry.gap WHERE gap_id = $1`,
        [id],
      )
    )[0];

  beforeAll(async () => {
    iso = await isolatedEnv();
    env = loadEnv(RegistryEnv, {
      KAFKA_BROKERS: iso.brokers.join(','),
      ...(iso.env.KAFKA_CREDENTIALS_FILE ? { KAFKA_CREDENTIALS_FILE: iso.env.KAFKA_CREDENTIALS_FILE } : {}),
      DATABASE_URL: iso.databaseUrl,
      PORT: '0',
      KAFKA_TOPIC_PREFIX: iso.topicPrefix,
      KAFKA_PARTITIONS: '2',
      LOG_LEVEL: 'warn',
      HUB_EDGE_PUBLIC_KEY: iso.edgeKeys.publicKey,
    });
    await start();
    const type = { name: '食品经营许可证', issuingDepartments: ['SPJ'], matterCodes: [matterCode] };
    expect((await asSpj('PUT', `/v1/licence-types/${FOOD_TYPE}`, type)).status).toBe(201);
    expect((await asSpj('PUT', `/v1/issuer-keys/${issuer.issuer}`, { publicKeyPem: issuer.pem })).status).toBe(200);
  });

  afterAll(async () => {
    await hub?.close();
    await iso?.dispose();
  });

  it('keeps a grant’s gap across a restart and closes it when the e-licence arrives, each change an event', async () => {
    const uscc = demoUscc(640_001);
    const approvalId = 'SP-INT-RESTART';
    const grant = { uscc, approvalId, matterCode, licenceNo: 'L-1', decidedAt: new Date().toISOString() };
    await send(Topics.ApprovalLicenceV1, [
      createEvent(LicenceGrantedV1, grant, { source: '/departments/SPJ/systems/approval', department: 'SPJ' }),
    ]);
    await eventually(async () => expect(await gap(`licence-missing:${approvalId}`)).toMatchObject({ closed_at: null }));

    await hub.close();
    await start();
    expect((await asSpj('GET', '/v1/licence-types')).body).toMatchObject({ licenceTypes: [{ typeCode: FOOD_TYPE }] });

    const record = issuer.record({ approvalId, holderUscc: uscc, holderName: '承德高新区集成测试公司' });
    await send(Topics.RegistryLicenceV1, [
      createEvent(ELicenceIssuedV1, record, { source: '/departments/SPJ/systems/licences', department: 'SPJ' }),
    ]);
    await eventually(async () => expect((await gap(`licence-missing:${approvalId}`))?.closed_at).not.toBeNull());
    const [linked] = await sql<{ licence_id: string; delay_ms: string }>(
      `SELECT licence_id, delay_ms FROM registry.granted_licence WHERE approval_id = $1`,
      [approvalId],
    );
    expect(linked!.licence_id).toBe(record.licenceId);
    const events = await readTopic(
      iso.brokers,
      `${iso.topicPrefix}${Topics.RegistryGapV1}`,
      (m) => m.length >= 2,
      30_000,
    );
    expect(events.map((m) => m.headers.ce_type)).toEqual([GapOpenedV1.type, GapClosedV1.type]);
  });

  it('dead-letters an e-licence that breaks its contract, naming the field, and goes on', async () => {
    const { fileDigest: _digest, ...broken } = issuer.record({ holderUscc: demoUscc(640_002), holderName: '甲' });
    const good = issuer.record({ holderUscc: demoUscc(640_003), holderName: '乙' });
    const source = { source: '/departments/SPJ/systems/licences', department: 'SPJ' };
    await send(Topics.RegistryLicenceV1, [
      { ...createEvent(ELicenceIssuedV1, good, source), data: broken } as CloudEvent,
      createEvent(ELicenceIssuedV1, good, source),
    ]);
    const letters = await readTopic(
      iso.brokers,
      `${iso.topicPrefix}${deadLetterTopic(Topics.RegistryLicenceV1)}`,
      (m) => m.length >= 1,
      30_000,
    );
    expect(letters[0]!.headers[DeadLetterHeaders.reason]).toMatch(/fileDigest/);
    await eventually(async () =>
      expect(await sql(`SELECT licence_id FROM registry.licence WHERE licence_id = $1`, [good.licenceId])).toHaveLength(
        1,
      ),
    );
  });
});
