import { EntityManager } from 'typeorm';
import { CloudEvent } from '@hub/contracts';
import { demoEnterprises, enterpriseRegisteredEvent } from '@hub/demo';
import { contractsCatalog } from '@hub/messaging';
import { HubMetrics } from '@hub/observability';
import { NonceClaim } from '../auth/caller.decorator';
import { RefusalsService } from '../auth/refusals.service';
import { RequestAuthenticator } from '../auth/request-authenticator.service';
import { testGatewayEnv } from '../gateway-env.fixture';
import { IntakeRepository, NewAdmission, RequestNonce, StoredReceipt } from './intake.repository';
import { IntakeService, Outcome, Publisher } from './intake.service';

/**
 * The receipts and nonces in memory, as the statement would leave them: a request whose nonce is known admits
 * nothing; an identity already stored is skipped. It answers a tick later, so that concurrent requests queue up
 * and are admitted together.
 */
class ReceiptsInMemory {
  readonly manager = {} as EntityManager;
  readonly receipts = new Map<string, StoredReceipt>();
  readonly nonces = new Set<string>();
  /** Access key ids revoked after the replica looked them up. */
  readonly revoked = new Set<string>();
  statements = 0;

  async insertNew(_: EntityManager, admissions: readonly NewAdmission[], nonces: readonly RequestNonce[] = []) {
    await new Promise((resolve) => setImmediate(resolve));
    this.statements++;
    const replayed = new Set<number>();
    const inactive = new Set<number>();
    for (const n of nonces) {
      const key = `${n.accessKeyId}/${n.nonce}`;
      if (this.revoked.has(n.accessKeyId)) {
        inactive.add(n.request);
        continue;
      }
      if (this.nonces.has(key)) replayed.add(n.request);
      this.nonces.add(key);
    }
    const inserted: StoredReceipt[] = [];
    for (const { receipt, request } of admissions) {
      const key = `${receipt.source}/${receipt.eventId}`;
      if (replayed.has(request) || inactive.has(request) || this.receipts.has(key)) continue;
      const stored = { ...receipt, acceptedAt: new Date() };
      this.receipts.set(key, stored);
      inserted.push(stored);
    }
    return { receipts: inserted, replayed, inactive };
  }

  async find(_: EntityManager, identities: readonly { source: string; eventId: string }[]) {
    return identities.flatMap((i) => this.receipts.get(`${i.source}/${i.eventId}`) ?? []);
  }
}

const REPLAYED = new Error('replayed nonce');
const INACTIVE = new Error('credential no longer active');

function setUp() {
  const receipts = new ReceiptsInMemory();
  const authenticator = {
    recordNonce: async (claim: NonceClaim) => {
      const key = `${claim.accessKeyId}/${claim.nonce}`;
      if (receipts.nonces.has(key)) throw REPLAYED;
      receipts.nonces.add(key);
    },
    replayed: () => REPLAYED,
    inactive: () => INACTIVE,
  } as unknown as RequestAuthenticator;
  const intake = new IntakeService(
    contractsCatalog({ topicPrefix: '' }),
    receipts as unknown as IntakeRepository,
    new RefusalsService(new HubMetrics('gateway', false)),
    authenticator,
    testGatewayEnv(),
    new HubMetrics('gateway', false),
  );
  const publishAs = (publisher: Publisher, nonce: string, ...events: CloudEvent[]): Promise<Outcome[]> =>
    intake.publish(
      { ...publisher, nonce: { accessKeyId: publisher.accessKeyId!, nonce, expiresAtSeconds: 2_000_000_000 } },
      events.map((event) => ({ ok: true, event })),
    );
  const publish = (nonce: string, ...events: CloudEvent[]) => publishAs(SPJ, nonce, ...events);
  return { receipts, publish, publishAs };
}

const SPJ: Publisher = { department: 'SPJ', channel: 'http', accessKeyId: 'AKSPJ0001' };
const enterprises = demoEnterprises(10, 70_000);
const event = (n: number): CloudEvent => enterpriseRegisteredEvent(enterprises[n]!, `intake-spec-${n}`);

describe('IntakeService', () => {
  it('records the nonce with the events, and admits nothing of a request whose nonce was used', async () => {
    const { receipts, publish } = setUp();
    const [accepted] = await publish('n-1', event(0));
    expect(accepted).toMatchObject({ status: 202, duplicate: false });
    await expect(publish('n-1', event(1))).rejects.toBe(REPLAYED);
    expect([...receipts.receipts.keys()]).toEqual([`${event(0).source}/${event(0).id}`]);
  });

  it('admits nothing of a request whose credential was revoked since it was looked up, and the rest of its group', async () => {
    const { receipts, publish, publishAs } = setUp();
    const other: Publisher = { department: 'SPJ', channel: 'http', accessKeyId: 'AKSPJ0002' };
    receipts.revoked.add(SPJ.accessKeyId!);
    const answers = await Promise.allSettled([
      publish('r-1', event(4)),
      publish('r-2', event(5)),
      publishAs(other, 'o-1', event(6)),
    ]);
    expect(answers.map((a) => (a.status === 'rejected' ? a.reason : 'accepted'))).toEqual([
      INACTIVE,
      INACTIVE,
      'accepted',
    ]);
    expect([...receipts.receipts.keys()]).toEqual([`${event(6).source}/${event(6).id}`]);
  });

  it('judges requests committed together each on its own: a nonce used twice in the group admits only the first', async () => {
    const { receipts, publish } = setUp();
    // The first goes at once, alone; the others wait for it and are admitted together.
    const answers = await Promise.allSettled([
      publish('a', event(0)),
      publish('b', event(1)),
      publish('c', event(2)),
      publish('c', event(3)),
    ]);
    expect(answers.map((a) => a.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'rejected']);
    expect(receipts.statements).toBe(2);
    expect(receipts.receipts.has(`${event(3).source}/${event(3).id}`)).toBe(false);
  });

  it('admits an event whose first occurrence in the group came in a replayed request', async () => {
    const { receipts, publish } = setUp();
    receipts.nonces.add(`${SPJ.accessKeyId}/used`);
    const answers = await Promise.allSettled([
      publish('a', event(0)),
      publish('b', event(1)),
      publish('used', event(2)),
      publish('fresh', event(2)),
    ]);
    expect(answers[2]).toEqual({ status: 'rejected', reason: REPLAYED });
    const [admitted] = (answers[3] as PromiseFulfilledResult<Outcome[]>).value;
    expect(admitted).toMatchObject({ status: 202, duplicate: false, receipt: { id: event(2).id } });
    expect(receipts.receipts.has(`${event(2).source}/${event(2).id}`)).toBe(true);
  });
});
