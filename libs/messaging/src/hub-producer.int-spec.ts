import { Kafka, logLevel } from 'kafkajs';
import { IsolatedEnv, isolatedEnv, readTopic } from '@hub/testing';
import { HubProducer } from './hub-producer';

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
    const kafka = new Kafka({ clientId: 'hub-producer-test', brokers: iso.brokers, logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({
      waitForLeaders: true,
      topics: [
        { topic: written, numPartitions: 1 },
        { topic: refusing, numPartitions: 1, configEntries: [{ name: 'max.message.bytes', value: '64' }] },
      ],
    });
    await admin.disconnect();
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
});
