import { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { EventCatalog } from './event-catalog';
import { HubProducer } from './hub-producer';
import { HubKafkaServer, RESTART_AFTER_CRASH_MS } from './hub-kafka.server';

const EVENTS = {
  GROUP_JOIN: 'consumer.group_join',
  REBALANCING: 'consumer.rebalancing',
  STOP: 'consumer.stop',
  CRASH: 'consumer.crash',
  DISCONNECT: 'consumer.disconnect',
};

/** Stands in for a kafkajs consumer: records what is asked of it and lets the test emit its events. */
class FakeConsumer {
  readonly events = EVENTS;
  private readonly listeners = new Map<string, ((event: { payload: unknown }) => void)[]>();
  readonly subscribe = jest.fn(async () => undefined);
  readonly run = jest.fn(async () => undefined);
  readonly disconnect = jest.fn(async () => undefined);

  on(event: string, listener: (event: { payload: unknown }) => void): void {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
  }

  crash(restart: boolean): void {
    const payload = { error: new Error('Failed to find group coordinator'), groupId: 'g', restart };
    for (const listener of this.listeners.get(EVENTS.CRASH) ?? []) listener({ payload });
  }
}

describe('HubKafkaServer after its consumer crashed', () => {
  let consumers: FakeConsumer[];
  /** What the next consumers' connect() does. */
  let connect: () => Promise<undefined>;
  let server: HubKafkaServer;

  beforeEach(async () => {
    jest.useFakeTimers();
    consumers = [];
    connect = async () => undefined;
    const made = () => Object.assign(new FakeConsumer(), { connect: jest.fn(() => connect()) });
    const kafka = { consumer: () => consumers[consumers.push(made()) - 1] } as unknown as Kafka;
    server = new HubKafkaServer({
      kafka,
      groupId: 'g',
      dataSource: { options: { schema: 'registry' } } as unknown as DataSource,
      catalog: { topicOf: () => 'zone.approval.enterprise.v1', topicPrefix: '' } as unknown as EventCatalog,
      producer: {} as HubProducer,
    });
    server.addHandler('zone.approval.enterprise.registered.v1', async () => undefined, true);
    await new Promise<void>((resolve, reject) => server.listen((error) => (error ? reject(error) : resolve())));
  });

  afterEach(() => jest.useRealTimers());

  it('starts a new consumer when kafkajs will not restart the old one', async () => {
    consumers[0]!.crash(false);
    await jest.advanceTimersByTimeAsync(RESTART_AFTER_CRASH_MS);
    expect(consumers).toHaveLength(2);
    expect(consumers[0]!.disconnect).toHaveBeenCalled();
    expect(consumers[1]!.run).toHaveBeenCalled();
  });

  it('tries again while the new consumer cannot connect, and stops trying once closed', async () => {
    consumers[0]!.crash(false);
    connect = () => Promise.reject(new Error('Connection error: connect ECONNREFUSED'));
    await jest.advanceTimersByTimeAsync(RESTART_AFTER_CRASH_MS);
    await jest.advanceTimersByTimeAsync(RESTART_AFTER_CRASH_MS);
    expect(consumers).toHaveLength(3);
    await server.close();
    await jest.advanceTimersByTimeAsync(10 * RESTART_AFTER_CRASH_MS);
    expect(consumers).toHaveLength(3);
  });

  it('leaves a crash that kafkajs restarts itself to kafkajs', async () => {
    consumers[0]!.crash(true);
    await jest.advanceTimersByTimeAsync(10 * RESTART_AFTER_CRASH_MS);
    expect(consumers).toHaveLength(1);
  });

  it('stops a consumer that started while the server was closing', async () => {
    let disconnected!: () => void;
    const gone = new Promise<undefined>((resolve) => (disconnected = () => resolve(undefined)));
    consumers[0]!.disconnect.mockImplementation(() => gone);
    consumers[0]!.crash(false);
    await jest.advanceTimersByTimeAsync(RESTART_AFTER_CRASH_MS); // the restart waits for the crashed one to go
    const closed = server.close();
    disconnected();
    await closed;
    await jest.advanceTimersByTimeAsync(0);
    expect(consumers).toHaveLength(2);
    expect(consumers[1]!.disconnect).toHaveBeenCalled();
  });

  it('does not start a consumer after it was closed', async () => {
    await server.close();
    consumers[0]!.crash(false);
    await jest.advanceTimersByTimeAsync(10 * RESTART_AFTER_CRASH_MS);
    expect(consumers).toHaveLength(1);
  });
});
