import { testGatewayEnv } from '../gateway-env.fixture';
import { HostResolver } from './host-resolver';
import { ScriptedResolver } from './host-resolver.fixture';
import { WebhookTargetPolicy, addressRefusal } from './webhook-target.policy';

const policy = (variables: Record<string, string>, resolver = new HostResolver()) =>
  new WebhookTargetPolicy(testGatewayEnv(variables), resolver);

const rules = async (p: WebhookTargetPolicy, url: string) =>
  (await p.refusals(url)).map((e) => `${e.field}:${e.rule}:${e.message}`);

describe('addressRefusal', () => {
  it.each(['10.1.2.3', '172.16.0.9', '192.168.10.20', '203.0.113.7', '2001:db8::1'])(
    'lets department systems on the government network (and beyond) receive: %s',
    (address) => expect(addressRefusal(address, false)).toBeUndefined(),
  );

  it.each([
    '169.254.169.254',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '::',
    'fe80::1',
    'ff02::1',
    '::ffff:169.254.169.254',
  ])('never lets a link-local, multicast or unspecified address receive: %s', (address) => {
    expect(addressRefusal(address, true)).toMatch(/link-local, multicast or unspecified/);
  });

  it('refuses loopback unless insecure targets are allowed', () => {
    for (const address of ['127.0.0.1', '127.8.8.8', '::1', '::ffff:127.0.0.1']) {
      expect(addressRefusal(address, false)).toMatch(/loopback/);
      expect(addressRefusal(address, true)).toBeUndefined();
    }
  });
});

describe('WebhookTargetPolicy', () => {
  it('wants https and another host in production', async () => {
    const production = policy({ NODE_ENV: 'production' });
    expect(await rules(production, 'http://10.1.2.3/hook')).toEqual([
      'webhookUrl:webhookTarget:webhookUrl must use https',
    ]);
    expect(await rules(production, 'https://127.0.0.1:8443/hook')).toEqual([
      "webhookUrl:webhookTarget:webhookUrl may not point at 127.0.0.1 is the gateway's own host (loopback)",
    ]);
    expect(await rules(production, 'https://[::1]/hook')).toHaveLength(1);
    expect(await rules(production, 'https://10.1.2.3/hook')).toEqual([]);
  });

  it('allows http and loopback outside production, or when told to', async () => {
    expect(await rules(policy({}), 'http://127.0.0.1:8080/hook')).toEqual([]);
    expect(
      await rules(policy({ NODE_ENV: 'production', DELIVERY_ALLOW_INSECURE_TARGETS: 'true' }), 'http://127.0.0.1/'),
    ).toEqual([]);
    expect(await rules(policy({ DELIVERY_ALLOW_INSECURE_TARGETS: 'false' }), 'http://10.0.0.1/')).toHaveLength(1);
  });

  it('judges a name by what it resolves to', async () => {
    // localhost resolves to loopback on every machine, without a DNS server.
    expect(await rules(policy({ NODE_ENV: 'production' }), 'https://localhost/hook')).toEqual([
      expect.stringMatching(/^webhookUrl:webhookTarget:webhookUrl may not point at .* \(loopback\)$/),
    ]);
  });

  it('never lets the cloud metadata service be a target, whatever the settings', async () => {
    expect(
      await rules(policy({ DELIVERY_ALLOW_INSECURE_TARGETS: 'true' }), 'http://169.254.169.254/latest'),
    ).toHaveLength(1);
  });

  it('resolves a name once and hands the call the addresses it checked', async () => {
    const resolver = new ScriptedResolver(async (n) =>
      n === 0 ? [{ address: '203.0.113.7', family: 4 }] : [{ address: '127.0.0.1', family: 4 }],
    );
    const check = await policy({ NODE_ENV: 'production' }, resolver).check('https://hooks.scjg.test/hook');
    expect(check).toMatchObject({ ok: true, addresses: [{ address: '203.0.113.7', family: 4 }] });
    expect(resolver.asked).toEqual(['hooks.scjg.test']);
  });

  it('refuses a name that does not resolve, saying why', async () => {
    const resolver = new ScriptedResolver(() =>
      Promise.reject(Object.assign(new Error('getaddrinfo ENOTFOUND hooks.scjg.test'), { code: 'ENOTFOUND' })),
    );
    expect(await rules(policy({}, resolver), 'http://hooks.scjg.test/hook')).toEqual([
      "webhookUrl:webhookTarget:webhookUrl's host hooks.scjg.test does not resolve (ENOTFOUND)",
    ]);
    const empty = new ScriptedResolver(async () => []);
    expect(await rules(policy({}, empty), 'http://hooks.scjg.test/hook')).toEqual([
      "webhookUrl:webhookTarget:webhookUrl's host hooks.scjg.test resolves to no address",
    ]);
  });

  it('refuses a name whose lookup does not answer within the time-out', async () => {
    const resolver = new ScriptedResolver(() => new Promise(() => undefined)); // never answers
    expect(await rules(policy({ DELIVERY_LOOKUP_TIMEOUT_MS: '20' }, resolver), 'http://hooks.scjg.test/')).toEqual([
      "webhookUrl:webhookTarget:webhookUrl's host hooks.scjg.test did not resolve within 20 ms",
    ]);
  });

  it('refuses a name when any of its addresses is refused', async () => {
    const resolver = new ScriptedResolver(async () => [
      { address: '203.0.113.7', family: 4 },
      { address: '169.254.169.254', family: 4 },
    ]);
    expect(await rules(policy({}, resolver), 'http://hooks.scjg.test/')).toEqual([
      expect.stringMatching(/may not point at 169\.254\.169\.254 is a link-local/),
    ]);
  });
});
