import { DataSource, EntityManager } from 'typeorm';
import { createEvent, LicencePushedV1, type CloudEvent, type LicencePushedV1Payload } from '@hub/contracts';
import { demoUscc } from '@hub/demo';
import type { OutboxWriter } from '@hub/messaging';
import { Clock, WorkdayCalendar } from '@hub/workdays';
import { SupervisionEnv } from '../../supervision.env';
import { SupervisedPush } from '../entities/supervised-push.entity';
import { SupervisionAction } from '../entities/supervision-action.entity';
import { EARLY_CLAIM, rowKey } from '../push-rows';
import { SupervisionRepository } from '../supervision.repository';

/**
 * The supervision app's rows in memory, for the use cases' unit specs: the same answers as the PostgreSQL
 * repository for what the use cases ask (the SQL itself is held to them by the integration and e2e specs).
 */
export class InMemorySupervision implements Omit<SupervisionRepository, 'stats'> {
  readonly rows = new Map<string, SupervisedPush>();
  readonly actions = new Map<string, SupervisionAction>();

  row(approvalId: string, department: string): SupervisedPush | undefined {
    return this.rows.get(rowKey(approvalId, department));
  }

  async find(_: EntityManager, approvalId: string, department: string): Promise<SupervisedPush | null> {
    const row = this.row(approvalId, department);
    return row ? { ...row } : null;
  }

  async findMany(_: EntityManager, keys: [string, string][]): Promise<Map<string, SupervisedPush>> {
    const found = keys.flatMap(([a, d]) => (this.row(a, d) ? [[rowKey(a, d), { ...this.row(a, d)! }] as const] : []));
    return new Map(found);
  }

  async insert(_: EntityManager, row: Partial<SupervisedPush>): Promise<void> {
    const key = rowKey(row.approvalId!, row.department!);
    if (this.rows.has(key)) throw Object.assign(new Error('duplicate key'), { code: '23505' });
    this.rows.set(key, { ...EARLY_CLAIM, state: 'pushed', noticeStage: 'none', ...row } as SupervisedPush);
  }

  async insertMany(manager: EntityManager, rows: Partial<SupervisedPush>[]): Promise<void> {
    for (const row of rows) await this.insert(manager, row);
  }

  async updateMany(manager: EntityManager, rows: Partial<SupervisedPush>[]): Promise<void> {
    for (const row of rows) await this.update(manager, row.approvalId!, row.department!, row);
  }

  async update(_: EntityManager, approvalId: string, department: string, change: Partial<SupervisedPush>) {
    const row = this.row(approvalId, department);
    if (row) Object.assign(row, change);
  }

  async remove(_: EntityManager, approvalId: string, department: string): Promise<void> {
    this.rows.delete(rowKey(approvalId, department));
  }

  async heldUntil(_: EntityManager, now: Date, limit: number): Promise<SupervisedPush[]> {
    return [...this.rows.values()].filter((r) => r.state === 'held' && r.heldUntil! <= now).slice(0, limit);
  }

  async dueForNotice(_: EntityManager, now: Date, limit: number): Promise<SupervisedPush[]> {
    const due = (r: SupervisedPush) => r.nextNoticeAt !== null && r.nextNoticeAt <= now;
    return [...this.rows.values()].filter((r) => due(r) && ['pushed', 'claimed'].includes(r.state)).slice(0, limit);
  }

  async ledger(_: EntityManager, department: string, states: string[]): Promise<SupervisedPush[]> {
    return [...this.rows.values()].filter((r) => r.department === department && states.includes(r.state));
  }

  async addAction(_: EntityManager, action: SupervisionAction): Promise<boolean> {
    if (this.actions.has(action.actionId)) return false;
    this.actions.set(action.actionId, { ...action });
    return true;
  }

  async setRevocationRequest(_: EntityManager, actionId: string, requestId: string): Promise<void> {
    const action = this.actions.get(actionId);
    if (action) action.revocationRequestId = requestId;
  }
}

/** What a use case is built with in a unit spec: rows in memory, a clock that says `now`, the outbox's events. */
export function supervisionFixture(now: Date) {
  const pushes = new InMemorySupervision();
  const manager = {} as EntityManager;
  const sent: { events: CloudEvent[]; applyWhenReadBack: boolean }[] = [];
  const outbox = {
    enqueue: async (_: EntityManager, events: readonly CloudEvent[], options: { applyWhenReadBack?: boolean } = {}) => {
      if (events.length > 0) sent.push({ events: [...events], applyWhenReadBack: options.applyWhenReadBack ?? false });
    },
  } as unknown as OutboxWriter;
  const clock = new Clock();
  clock.setFixed(now);
  const env = Object.assign(new SupervisionEnv(), { CLAIM_HOLD_MS: 14 * 24 * 3_600_000 });
  const dataSource = { transaction: (work: (m: EntityManager) => unknown) => work(manager) } as unknown as DataSource;
  const fixture = {
    pushes,
    repository: pushes as unknown as SupervisionRepository,
    manager,
    outbox,
    clock,
    env,
    dataSource,
    calendar: new WorkdayCalendar(),
    /** Every event enqueued so far, in order. */
    events: () => sent.flatMap((s) => s.events),
    sent,
  };
  return fixture;
}

/** A push of `approvalId` to `department` as the approval app sends it: claim limit of 2 working days from `pushedAt`. */
export function pushOf(
  approvalId: string,
  department: string,
  pushedAt: Date,
  change: Partial<LicencePushedV1Payload> = {},
): CloudEvent<LicencePushedV1Payload> {
  const claimDue = new WorkdayCalendar().addWorkdays(pushedAt, 2);
  return createEvent(
    LicencePushedV1,
    {
      uscc: USCC,
      approvalId,
      matterCode: 'SPJ-SPJY-001',
      licenceNo: 'JY11308000000001',
      decidedAt: pushedAt.toISOString(),
      pushId: `push-${approvalId}-${department}`,
      decision: 'granted',
      matterName: '食品经营许可',
      reformMode: 'commitment',
      department,
      pushedAt: pushedAt.toISOString(),
      claimDueDate: claimDue.dueDate,
      claimDueAt: claimDue.dueAt.toISOString(),
      claimDueProvisional: claimDue.provisional,
      supervisionWorkdays: 20,
      ...change,
    },
    { source: '/apps/approval' },
  );
}

export const USCC = demoUscc(1);

export const cst = (local: string): Date => new Date(`${local}+08:00`);
