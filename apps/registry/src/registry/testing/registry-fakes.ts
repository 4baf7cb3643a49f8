import type { DataSource, EntityManager } from 'typeorm';
import type { OutboxWriter } from '@hub/messaging';
import { RegistryEnv } from '../../registry.env';
import type { GapBook, GapChange, GapFacts } from '../gap-book';
import type { RegistryRepository } from '../registry.repository';
import type {
  EstablishmentRow,
  GrantedLicenceRow,
  IssuerKeyRow,
  LicenceRow,
  LicenceTypeRow,
  SealRow,
} from '../registry-rows';

/** The registry's tables in memory, for the use cases' unit specs: what they read, and what they wrote. */
export class FakeRegistry {
  types = new Map<string, LicenceTypeRow>();
  keys = new Map<string, IssuerKeyRow>();
  grants = new Map<string, GrantedLicenceRow>();
  licences = new Map<string, LicenceRow>();
  seals = new Map<string, SealRow>();
  establishments = new Map<string, EstablishmentRow>();
  inserted: { table: string; row: Record<string, unknown> }[] = [];
  queries: { sql: string; params: unknown[] }[] = [];
  links: { approvalId: string; licenceId: string; aggregatedAt: Date; delayMs: number }[] = [];
  opened: GapFacts[] = [];
  closed: { kind: string; subject: string; resolution: string }[] = [];

  readonly manager = {
    query: (sql: string, params: unknown[] = []) => {
      this.queries.push({ sql, params });
      return Promise.resolve([]);
    },
  } as unknown as EntityManager;

  readonly repository = {
    t: (table: string) => `"registry"."${table}"`,
    lock: () => Promise.resolve(),
    lockAll: () => Promise.resolve(),
    licencesById: (_: unknown, ids: string[]) => Promise.resolve(pick(this.licences, ids)),
    grantsById: (_: unknown, ids: string[]) => Promise.resolve(pick(this.grants, ids)),
    licenceTypesByCode: (_: unknown, codes: string[]) => Promise.resolve(pick(this.types, codes)),
    issuerKeysById: (_: unknown, ids: string[]) => Promise.resolve(pick(this.keys, ids)),
    linkGrants: (
      _: unknown,
      links: { approvalId: string; licenceId: string; aggregatedAt: Date; delayMs: number }[],
    ) => {
      this.links.push(...links);
      for (const l of links) Object.assign(this.grants.get(l.approvalId)!, l);
      return Promise.resolve();
    },
    upsertMany: (_: unknown, table: string, key: string[], rows: Record<string, unknown>[]) =>
      Promise.all(rows.map((row) => this.repository.upsert(this.manager, table as never, key, row))),
    insertMany: (_: unknown, table: string, rows: Record<string, unknown>[]) =>
      Promise.all(rows.map((row) => this.repository.insert(this.manager, table as never, row))),
    licenceType: (_: unknown, code: string) => Promise.resolve(this.types.get(code)),
    licenceTypeOfMatter: (_: unknown, matter: string) =>
      Promise.resolve([...this.types.values()].find((t) => t.matterCodes.includes(matter))),
    issuerKey: (_: unknown, issuer: string) => Promise.resolve(this.keys.get(issuer)),
    grant: (_: unknown, id: string) => Promise.resolve(this.grants.get(id)),
    licence: (_: unknown, id: string) => Promise.resolve(this.licences.get(id)),
    licencesWhere: (_: unknown, _where: string, [approvalId]: unknown[]) =>
      Promise.resolve([...this.licences.values()].filter((l) => l.approvalId === approvalId)),
    seal: (_: unknown, code: string) => Promise.resolve(this.seals.get(code)),
    sealTypesOf: (_: unknown, uscc: string) =>
      Promise.resolve(
        new Set([...this.seals.values()].filter((s) => s.uscc === uscc && s.status === 'made').map((s) => s.sealType)),
      ),
    establishment: (_: unknown, uscc: string) => Promise.resolve(this.establishments.get(uscc)),
    lateEstablishments: (_: unknown, now: Date) =>
      Promise.resolve(
        [...this.establishments.values()].filter((e) => !e.sealsCompleteAt && !e.alerted && e.dueAt <= now),
      ),
    upsert: (_: unknown, table: string, _key: string[], row: Record<string, unknown>) => {
      if (table === 'issuer_key') this.keys.set(row.issuer as string, row as unknown as IssuerKeyRow);
      if (table === 'licence') this.licences.set(row.licenceId as string, row as unknown as LicenceRow);
      if (table === 'seal') this.seals.set(row.sealCode as string, row as unknown as SealRow);
      return Promise.resolve();
    },
    insert: (_: unknown, table: string, row: Record<string, unknown>) => {
      this.inserted.push({ table, row });
      if (table === 'granted_licence') this.grants.set(row.approvalId as string, row as unknown as GrantedLicenceRow);
      if (table === 'establishment') this.establishments.set(row.uscc as string, row as unknown as EstablishmentRow);
      return Promise.resolve();
    },
  } as unknown as RegistryRepository;

  /** A data source whose transactions run on the fake manager. */
  readonly dataSource = {
    manager: this.manager,
    transaction: <T>(work: (manager: EntityManager) => Promise<T>) => work(this.manager),
  } as unknown as DataSource;

  readonly outbox = { enqueue: () => Promise.resolve() } as unknown as OutboxWriter;

  readonly gaps = {
    open: (_: unknown, facts: GapFacts) => {
      this.opened.push(facts);
      return Promise.resolve(true);
    },
    close: (_: unknown, kind: string, subject: string, resolution: string) => {
      this.closed.push({ kind, subject, resolution });
      return Promise.resolve(true);
    },
    applyAll: (_: unknown, changes: GapChange[]) => {
      for (const c of changes) {
        if (c.op === 'open') this.opened.push(c.facts);
        else this.closed.push({ kind: c.kind, subject: c.subject, resolution: c.resolution });
      }
      return Promise.resolve(changes.length);
    },
  } as unknown as GapBook;

  licenceType(row: Partial<LicenceTypeRow> & { typeCode: string }): LicenceTypeRow {
    const type: LicenceTypeRow = {
      name: '食品经营许可证',
      issuingDepartments: ['SPJ'],
      matterCodes: ['SPJ-SPJY-001'],
      readerDepartments: [],
      validityMonths: 60,
      establishes: false,
      updatedAt: new Date(),
      updatedBy: 'SPJ/test',
      ...row,
    };
    this.types.set(type.typeCode, type);
    return type;
  }
}

export function registryEnv(change: Partial<RegistryEnv> = {}): RegistryEnv {
  return Object.assign(new RegistryEnv(), change);
}

export const fixedClock = (at: Date) => ({ now: () => new Date(at) });

function pick<T>(map: Map<string, T>, keys: string[]): Map<string, T> {
  return new Map(keys.filter((k) => map.has(k)).map((k) => [k, map.get(k)!]));
}
