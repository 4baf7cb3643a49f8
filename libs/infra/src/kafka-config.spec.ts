import { LocalKafkaAuth, newClusterId, renderServerProperties } from './kafka-config';

const auth: LocalKafkaAuth = {
  mechanism: 'scram-sha-512',
  admin: { username: 'hub-admin', password: 'admin-secret-0123' },
  controller: { username: 'hub-controller', password: 'controller-secret-0123' },
  plainUsers: [
    { username: 'hub-admin', password: 'admin-secret-0123' },
    { username: 'hub-spj', password: 'spj-secret-0123' },
  ],
};

function parse(properties: string): Map<string, string> {
  return new Map(
    properties
      .trim()
      .split('\n')
      .map((line) => {
        const at = line.indexOf('=');
        return [line.slice(0, at), line.slice(at + 1)] as [string, string];
      }),
  );
}

describe('renderServerProperties', () => {
  const properties = parse(
    renderServerProperties({
      port: 9092,
      controllerPort: 9093,
      logDir: '/repo/.hub/kafka/data',
      maxMessageBytes: 1_048_588,
      auth,
    }),
  );

  it('makes one node both broker and controller of a KRaft quorum on loopback', () => {
    expect(properties.get('process.roles')).toBe('broker,controller');
    expect(properties.get('node.id')).toBe('1');
    expect(properties.get('controller.quorum.voters')).toBe('1@127.0.0.1:9093');
    expect(properties.get('listeners')).toBe('CLIENT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093');
    expect(properties.get('advertised.listeners')).toBe('CLIENT://127.0.0.1:9092');
    expect(properties.get('controller.listener.names')).toBe('CONTROLLER');
    expect(properties.get('inter.broker.listener.name')).toBe('CLIENT');
    expect(properties.get('log.dirs')).toBe('/repo/.hub/kafka/data');
  });

  it('authenticates every listener and authorizes every request, with no access where no ACL grants it', () => {
    expect(properties.get('listener.security.protocol.map')).toBe('CLIENT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT');
    expect(properties.get('sasl.enabled.mechanisms')).toBe('SCRAM-SHA-512,PLAIN');
    expect(properties.get('sasl.mechanism.inter.broker.protocol')).toBe('SCRAM-SHA-512');
    expect(properties.get('listener.name.client.scram-sha-512.sasl.jaas.config')).toBe(
      'org.apache.kafka.common.security.scram.ScramLoginModule required username="hub-admin" password="admin-secret-0123";',
    );
    expect(properties.get('listener.name.client.plain.sasl.jaas.config')).toBe(
      'org.apache.kafka.common.security.plain.PlainLoginModule required username="hub-admin" ' +
        'password="admin-secret-0123" user_hub-admin="admin-secret-0123" user_hub-spj="spj-secret-0123";',
    );
    expect(properties.get('listener.name.controller.plain.sasl.jaas.config')).toBe(
      'org.apache.kafka.common.security.plain.PlainLoginModule required username="hub-controller" ' +
        'password="controller-secret-0123" user_hub-controller="controller-secret-0123";',
    );
    expect(properties.get('authorizer.class.name')).toBe('org.apache.kafka.metadata.authorizer.StandardAuthorizer');
    expect(properties.get('allow.everyone.if.no.acl.found')).toBe('false');
    expect(properties.get('super.users')).toBe('User:hub-admin;User:hub-controller');
  });

  it('gives every internal topic a single replica', () => {
    for (const key of [
      'offsets.topic.replication.factor',
      'transaction.state.log.replication.factor',
      'transaction.state.log.min.isr',
      'share.coordinator.state.topic.replication.factor',
      'share.coordinator.state.topic.min.isr',
    ]) {
      expect([key, properties.get(key)]).toEqual([key, '1']);
    }
  });

  it('lets the only replica lead again after it was killed mid-shutdown', () => {
    expect(properties.get('unclean.leader.election.enable')).toBe('true');
  });

  it('never creates topics implicitly and starts groups without delay', () => {
    expect(properties.get('auto.create.topics.enable')).toBe('false');
    expect(properties.get('group.initial.rebalance.delay.ms')).toBe('0');
    expect(Number(properties.get('num.partitions'))).toBeGreaterThan(1);
  });

  it('follows the configured ports', () => {
    const other = parse(
      renderServerProperties({ port: 19092, controllerPort: 19093, logDir: '/d', maxMessageBytes: 1_048_588, auth }),
    );
    expect(other.get('listeners')).toBe('CLIENT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093');
    expect(other.get('controller.quorum.voters')).toBe('1@127.0.0.1:19093');
  });

  it('takes records up to the configured limit, the one the apps size their batches under', () => {
    const limited = parse(
      renderServerProperties({ port: 1, controllerPort: 2, logDir: '/d', maxMessageBytes: 2_000_000, auth }),
    );
    expect(limited.get('message.max.bytes')).toBe('2000000');
  });

  it('escapes backslashes, which Java properties read as escapes', () => {
    const windows = parse(
      renderServerProperties({
        port: 9092,
        controllerPort: 9093,
        logDir: 'C:\\hub\\kafka',
        maxMessageBytes: 1_048_588,
        auth,
      }),
    );
    expect(windows.get('log.dirs')).toBe('C:\\\\hub\\\\kafka');
  });
});

describe('newClusterId', () => {
  it('is 22 characters of base64url encoding 16 random bytes', () => {
    const id = newClusterId();
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(Buffer.from(id, 'base64url')).toHaveLength(16);
    expect(newClusterId()).not.toBe(id);
  });

  it('draws again when the id would begin with "-", which the storage tool reads as an option', () => {
    // 0xf8 puts 111110 (62, "-" in base64url) in the first six bits.
    const draws = [Buffer.alloc(16, 0xf8), Buffer.alloc(16, 0x01)];
    const id = newClusterId(() => draws.shift() as Buffer);
    expect(id).toBe(Buffer.alloc(16, 0x01).toString('base64url'));
    expect(draws).toHaveLength(0);
  });
});
