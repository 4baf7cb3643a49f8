import { EntityManager } from 'typeorm';
import type { AssertedCaller } from '@hub/assertion';
import { DeadLetterAction, DeadLetterActionKind } from './entities/dead-letter-action.entity';
import { PayloadVisibility, PayloadVisibilitySetting } from './entities/payload-visibility.entity';

/** Who acts, as the gateway's assertion names them. */
export type Actor = Pick<AssertedCaller, 'subject' | 'name' | 'roles'>;

export interface ActionQuery {
  deadLetterId?: string;
  limit: number;
  /** Rows with an id below this one (paging from the newest). */
  before?: string;
}

/** The record auditors read of what was done to dead letters and who opened their payloads. */
export class DeadLetterAudit {
  static async record(
    manager: EntityManager,
    actor: Actor,
    action: DeadLetterActionKind,
    deadLetterId: string | null,
    note?: string | null,
  ): Promise<void> {
    await manager.getRepository(DeadLetterAction).insert({
      actor: actor.subject,
      actorName: actor.name ?? null,
      actorRoles: [...actor.roles],
      action,
      deadLetterId,
      note: note ?? null,
    });
  }

  static list(manager: EntityManager, query: ActionQuery): Promise<DeadLetterAction[]> {
    const qb = manager
      .getRepository(DeadLetterAction)
      .createQueryBuilder('a')
      .orderBy('a.id', 'DESC')
      .limit(query.limit);
    if (query.deadLetterId) qb.andWhere('a.deadLetterId = :letter', { letter: query.deadLetterId });
    if (query.before) qb.andWhere('a.id < :before', { before: query.before });
    return qb.getMany();
  }
}

/** The roles that read dead letters, whose payload viewing an administrator may turn off. */
export const PAYLOAD_ROLES = ['operator', 'auditor'] as const;

/** Whether a role may open payloads: an administrator's setting, masked unless turned off. */
export class PayloadVisibilities {
  static async all(manager: EntityManager): Promise<PayloadVisibilitySetting[]> {
    return manager.getRepository(PayloadVisibilitySetting).find({ order: { role: 'ASC' } });
  }

  /**
   * A caller sees the payload (masked) if any of their roles may; a system (no roles) is 信息化中心's operators'
   * own credential and sees it as operators do.
   */
  static async of(manager: EntityManager, roles: readonly string[]): Promise<PayloadVisibility> {
    const readers = roles.filter((role) => (PAYLOAD_ROLES as readonly string[]).includes(role));
    const asked = roles.length > 0 ? readers : ['operator'];
    const settings = await manager.getRepository(PayloadVisibilitySetting).find();
    const off = new Set(settings.filter((s) => s.visibility === 'off').map((s) => s.role));
    return asked.some((role) => !off.has(role)) ? 'masked' : 'off';
  }

  static async set(manager: EntityManager, role: string, visibility: PayloadVisibility, actor: Actor): Promise<void> {
    await manager
      .getRepository(PayloadVisibilitySetting)
      .upsert({ role, visibility, changedBy: actor.subject, changedAt: new Date() }, ['role']);
    await DeadLetterAudit.record(manager, actor, 'visibility', null, `${role}: ${visibility}`);
  }
}
