import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureLocalCredentials, parseKafkaCredentials, readKafkaCredentials, saslOf } from './kafka-credentials';

const fileIn = (): string => join(mkdtempSync(join(tmpdir(), 'hub-kafka-credentials-')), 'credentials.json');

describe('ensureLocalCredentials', () => {
  it('generates a distinct random password per role on the first start, readable by its owner only', () => {
    const file = fileIn();
    const credentials = ensureLocalCredentials(file, ['gateway', 'spj']);
    expect(Object.keys(credentials.principals)).toEqual(['admin', 'gateway', 'spj']);
    expect(credentials.principals.spj).toEqual({ username: 'hub-spj', password: expect.stringMatching(/^\S{32}$/) });
    const passwords = new Set(Object.values(credentials.principals).map((p) => p.password));
    expect(passwords.size).toBe(3);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readKafkaCredentials(file)).toEqual(credentials);
  });

  it('keeps the passwords it made and adds only the roles that are new', () => {
    const file = fileIn();
    const first = ensureLocalCredentials(file, ['gateway']);
    const second = ensureLocalCredentials(file, ['gateway', 'scjg']);
    expect(second.principals.gateway).toEqual(first.principals.gateway);
    expect(second.principals.admin).toEqual(first.principals.admin);
    expect(second.principals.scjg?.username).toBe('hub-scjg');
  });
});

describe('parseKafkaCredentials', () => {
  it('names every problem of a hand-written file', () => {
    expect(() =>
      parseKafkaCredentials({
        mechanism: 'plain',
        principals: { Gateway: { username: 'a,b', password: 'short' } },
      }),
    ).toThrow(/mechanism[\s\S]*principals\.Gateway: a role[\s\S]*username[\s\S]*password/);
  });

  it('refuses a file that is not JSON, naming it', () => {
    const file = fileIn();
    writeFileSync(file, 'not json');
    expect(() => readKafkaCredentials(file)).toThrow(new RegExp(`Cannot read the Kafka credentials file ${file}`));
  });

  it("gives one role's SASL option, and names the roles it has when asked for another", () => {
    const credentials = parseKafkaCredentials({
      mechanism: 'scram-sha-256',
      principals: { gateway: { username: 'gw', password: 'a-long-password' } },
    });
    expect(saslOf(credentials, 'gateway')).toEqual({
      mechanism: 'scram-sha-256',
      username: 'gw',
      password: 'a-long-password',
    });
    expect(() => saslOf(credentials, 'spj')).toThrow(/no principal "spj" \(they name gateway\)/);
  });
});
