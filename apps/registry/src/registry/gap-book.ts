import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuthenticityCheck, CloudEvent, GapClosedV1, GapKind, GapOpenedV1, createEvent } from '@hub/contracts';
import { OutboxWriter } from '@hub/messaging';
import { RegistryRepository } from './registry.repository';
import type { GapRow } from './registry-rows';

export const SOURCE = '/apps/registry';

/** A gap as its cause describes it; the id is `<kind>:<subject>`. */
export interface GapFacts {
  kind: GapKind;
  subject: string;
  uscc?: string | null;
  department?: string | null;
  licenceType?: string | null;
  check?: AuthenticityCheck | null;
  since: Date;
  detail: string;
}

export const gapId = (kind: GapKind, subject: string): string => `${kind}:${subject}`;

export type GapChange =
  { op: 'open'; facts: GapFacts } | { op: 'close'; kind: GapKind; subject: string; resolution: string };

/**
 * Opens and closes gaps, each change with its event (gap.opened, gap.closed) in the caller's transaction. Opening an
 * open gap with another check or detail updates it without a new event unless the failing check changed; closing a
 * closed or unknown gap does nothing.
 */
@Injectable()
export class GapBook {
  constructor(
    private readonly repository: RegistryRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  async open(manager: EntityManager, facts: GapFacts, now: Date): Promise<boolean> {
    return (await this.applyAll(manager, [{ op: 'open', facts }], now)) > 0;
  }

  async close(manager: EntityManager, kind: GapKind, subject: string, resolution: string, now: Date): Promise<boolean> {
    return (await this.applyAll(manager, [{ op: 'close', kind, subject, resolution }], now)) > 0;
  }

  /**
   * Many openings and closings in their order (a gap opened and closed in one batch ends closed, with both events):
   * one read, one write and one outbox insert for all of them. Returns how many events they caused.
   */
  async applyAll(manager: EntityManager, changes: readonly GapChange[], now: Date): Promise<number> {
    if (changes.length === 0) return 0;
    const idOf = (c: GapChange) => (c.op === 'open' ? gapId(c.facts.kind, c.facts.subject) : gapId(c.kind, c.subject));
    const rows = await this.repository.gaps(manager, [...new Set(changes.map(idOf))]);
    const changed = new Map<string, GapRow>();
    const events: CloudEvent[] = [];
    for (const change of changes) {
      const id = idOf(change);
      const existing = rows.get(id);
      if (change.op === 'open') {
        const { open, event } = openingOf(existing, change.facts, now);
        if (open) {
          rows.set(id, open);
          changed.set(id, open);
        }
        if (event) events.push(event);
      } else if (existing && !existing.closedAt) {
        const closed = { ...existing, closedAt: now, resolution: change.resolution };
        rows.set(id, closed);
        changed.set(id, closed);
        events.push(closedEvent(existing, change.resolution, now));
      }
    }
    await this.repository.upsertMany(manager, 'gap', ['gapId'], [...changed.values()] as unknown as Record<
      string,
      unknown
    >[]);
    await this.outbox.enqueue(manager, events);
    return events.length;
  }
}

/** What opening does to the gap's row: a new or reopened gap (with its event), an open one updated, or nothing. */
export function openingOf(
  existing: GapRow | undefined,
  facts: GapFacts,
  now: Date,
): { open?: GapRow; event?: CloudEvent } {
  const id = gapId(facts.kind, facts.subject);
  const row: GapRow = {
    gapId: id,
    kind: facts.kind,
    subject: facts.subject,
    uscc: facts.uscc ?? null,
    department: facts.department ?? null,
    licenceType: facts.licenceType ?? null,
    check: facts.check ?? null,
    since: facts.since,
    detail: facts.detail,
    openedAt: now,
    closedAt: null,
    resolution: null,
  };
  if (existing && !existing.closedAt) {
    if (existing.check === row.check && existing.detail === row.detail) return {};
    // Still open, failing another way: same gap, same since; a new event only when the failing check changed.
    const updated = { ...row, since: existing.since, openedAt: existing.openedAt };
    return { open: updated, event: existing.check !== row.check ? openedEvent(updated) : undefined };
  }
  return { open: row, event: openedEvent(row) };
}

function openedEvent(gap: GapRow): CloudEvent {
  return createEvent(GapOpenedV1, payloadOf(gap), { source: SOURCE });
}

function closedEvent(gap: GapRow, resolution: string, now: Date): CloudEvent {
  return createEvent(GapClosedV1, { ...payloadOf(gap), closedAt: now.toISOString(), resolution }, { source: SOURCE });
}

function payloadOf(gap: GapRow) {
  return {
    gapId: gap.gapId,
    kind: gap.kind,
    subject: gap.subject,
    ...(gap.uscc ? { uscc: gap.uscc } : {}),
    ...(gap.department ? { department: gap.department } : {}),
    ...(gap.licenceType ? { licenceType: gap.licenceType } : {}),
    ...(gap.check ? { check: gap.check } : {}),
    since: new Date(gap.since).toISOString(),
    detail: gap.detail.slice(0, 500),
  };
}
