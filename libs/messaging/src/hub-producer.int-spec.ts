import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { ITopicConfig } from 'kafkajs';
import { hubPaths, infraKafkaSasl } from '@hub/infra';
import { IsolatedEnv, isolatedEnv, readTopic, testKafka } from '@hub/testing';
import { HubProducer } from './hub-producer';

const run = promisify(execFile);

/**
 * A request that the broker half-accepts: one partition written, another refused. kafkajs then takes back the
 * sequence numbers of both, so the written partition's next records reuse numbers the broker holds already.
 */
describe('HubProducer against the broker', () => {
  let iso: IsolatedEnv;

  beforeAll(async () => {
    iso = await isolatedEnv();
  });

  afterAll(async () => {
    await iso?.dispose();
  });

  it('produces again after the broker refused its sequence numbers', async () => {
    const written = `${iso.topicPrefix}written`;
    // Takes nothing as large as the record sent to it.
    const refusing = `${iso.topicPrefix}refusing`;
    const kafka = testKafka(iso.brokers);
    await createTopics(iso.brokers, [
      { topic: written, numPartitions: 1 },
      { topic: refusing, numPartitions: 1, configEntries: [{ name: 'max.message.bytes', value: '64' }] },
    ]);
    const record = (topic: string, value: string) => ({ topic, key: 'k', value: Buffer.from(value), headers: {} });

    const producer = new HubProducer(kafka);
    await producer.connect();
    try {
      await expect(producer.send([record(written, 'a'), record(refusing, 'x'.repeat(200))])).rejects.toThrow(
        /larger than the max message size/,
      );

      // As the outbox relay does, the same records again with more behind them: refused once, then taken.
      const again = () => producer.send([record(written, 'a'), record(written, 'b')]);
      await expect(again()).rejects.toThrow(/out of order sequence number/);
      await again();
      const values = (await readTopic(iso.brokers, written, (m) => m.some((r) => r.value === 'b'))).map((m) => m.value);
      expect(values).toContain('b');
    } finally {
      await producer.disconnect();
    }
  });

  it('sends, from a built process, records that the hub encoded and consumers read back whole', async () => {
    const topic = `${iso.topicPrefix}encoded`;
    await createTopics(iso.brokers, [{ topic, numPartitions: 1 }]);
    const values = ['承德', 'b'.repeat(5_000), ''];
    const records = values.map((value, i) => ({ topic, key: `k${i}`, value, headers: { ce_id: `id-${i}` } }));

    // Under jest, kafkajs is loaded by jest's module registry, which the encoder does not replace: plain Node here.
    const used = await producedByBuiltProcess(iso.brokers, records);

    expect(used).toBe('hub');
    const read = await readTopic(iso.brokers, topic, (m) => m.length === values.length);
    expect(read.map((m) => [m.message.key?.toString(), m.value, m.headers.ce_id])).toEqual(
      values.map((value, i) => [`k${i}`, value, `id-${i}`]),
    );
  });
});

async function createTopics(brokers: string[], topics: ITopicConfig[]): Promise<void> {
  const admin = testKafka(brokers).admin();
  await admin.connect();
  try {
    await admin.createTopics({ waitForLeaders: true, topics });
  } finally {
    await admin.disconnect();
  }
}

/** Runs HubProducer from dist/ in a child process; answers which record encoder kafkajs used there. */
async function producedByBuiltProcess(
  brokers: string[],
  records: { topic: string; key: string; value: string; headers: Record<string, string> }[],
): Promise<string> {
  const script = `
    const { Kafka, logLevel } = require('kafkajs');
    const { HubProducer, encodeRecord } = require('@hub/messaging');
    const kafka = new Kafka({ clientId: 'hub-producer-test', brokers: ${JSON.stringify(brokers)}, sasl: ${JSON.stringify(infraKafkaSasl())}, logLevel: logLevel.NOTHING });
    const producer = new HubProducer(kafka);
    const records = ${JSON.stringify(records)}.map((r) => ({ ...r, value: Buffer.from(r.value) }));
    producer.connect().then(() => producer.send(records)).then(() => producer.disconnect()).then(() => {
      const current = require('kafkajs/src/protocol/recordBatch/record/v0/index.js');
      process.stdout.write(current === encodeRecord ? 'hub' : 'kafkajs');
    });`;
  const { stdout } = await run(process.execPath, ['-r', 'tsconfig-paths/register', '-e', script], {
    cwd: hubPaths().root,
    env: { ...process.env, TS_NODE_BASEURL: path.join(hubPaths().root, 'dist') },
  });
  return stdout;
}
