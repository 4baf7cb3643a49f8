import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  CloudEvent,
  SEAL_TYPE_NAMES,
  SealCancelledV1,
  SealChangedV1,
  SealFiledV1,
  SealFiledV1Payload,
  SealMadeV1,
  SealRecordBase,
  SealRefBase,
} from '@hub/contracts';
import type { HubMessageMeta } from '@hub/messaging';
import { Clock } from '@hub/workdays';
import { RegistryEnv } from '../../../registry.env';
import { GapBook } from '../../gap-book';
import { RegistryRepository } from '../../registry.repository';
import type { SealRow } from '../../registry-rows';
import { missingSealTypes } from './seal-set';

/**
 * E-seals (电子印章) made, changed, filed and cancelled, every version kept. A seal made or changed waits for its
 * filing (备案): a seal-not-filed gap until seal.filed arrives. A seal completing an establishment's set closes its
 * seal-set-late gap (the alert) if the window had passed, and records the set as complete.
 */
@Injectable()
export class RecordSeals {
  constructor(
    private readonly repository: RegistryRepository,
    private readonly gaps: GapBook,
    private readonly clock: Clock,
    private readonly env: RegistryEnv,
  ) {}

  async record(manager: EntityManager, events: CloudEvent[], metas: HubMessageMeta[]): Promise<void> {
    for (const [i, event] of events.entries()) {
      await this.recordOne(manager, event, new Date(Number(metas[i]?.timestamp ?? Date.now())));
    }
  }

  private async recordOne(manager: EntityManager, event: CloudEvent, acceptedAt: Date): Promise<void> {
    const ref = event.data as SealRefBase;
    const department = event.department as string;
    const now = this.clock.now();
    const existing = await this.repository.seal(manager, ref.sealCode, true);
    if (existing && existing.uscc !== ref.uscc) {
      throw new Error(`seal ${ref.sealCode} belongs to ${existing.uscc}, not ${ref.uscc}`);
    }
    let row: SealRow;
    if (event.type === SealMadeV1.type || event.type === SealChangedV1.type) {
      const s = event.data as SealRecordBase;
      if (event.type === SealChangedV1.type && !existing)
        throw new Error(`seal ${s.sealCode} is not known: made first`);
      row = {
        sealCode: s.sealCode,
        uscc: s.uscc,
        sealType: s.sealType,
        sealName: s.sealName,
        holderKind: s.holderKind,
        holderName: s.holderName,
        validFrom: s.validFrom,
        validUntil: s.validUntil,
        certificateSubject: s.certificate.subject,
        certificateSerial: s.certificate.serialNumber,
        department: existing?.department ?? department,
        status: 'made',
        madeAt: existing?.madeAt ?? new Date(s.at),
        // A change is filed again (GB/T 38540: making, changing and cancelling are filed).
        filedAt: null,
        filingNo: null,
        version: (existing?.version ?? 0) + 1,
        updatedAt: now,
      };
    } else if (!existing) {
      throw new Error(`seal ${ref.sealCode} is not known: ${event.type} needs seal.made first`);
    } else if (event.type === SealFiledV1.type) {
      const f = event.data as SealFiledV1Payload;
      row = {
        ...existing,
        filedAt: new Date(f.at),
        filingNo: f.filingNo,
        version: existing.version + 1,
        updatedAt: now,
      };
    } else if (event.type === SealCancelledV1.type) {
      row = { ...existing, status: 'cancelled', version: existing.version + 1, updatedAt: now };
    } else {
      throw new Error(`not a seal type: ${event.type}`);
    }
    await this.repository.upsert(manager, 'seal', ['sealCode'], row as unknown as Record<string, unknown>);
    await this.repository.insert(manager, 'seal_version', {
      sealCode: row.sealCode,
      version: row.version,
      eventId: event.id,
      eventType: event.type,
      data: event.data,
      receivedAt: acceptedAt,
    });
    await this.filingGap(manager, row, now);
    await this.establishment(manager, row.uscc, now);
  }

  private async filingGap(manager: EntityManager, row: SealRow, now: Date): Promise<void> {
    if (row.status === 'made' && !row.filedAt) {
      const whose = row.holderKind === 'department' ? '政务部门电子印章' : '企业电子印章';
      await this.gaps.open(
        manager,
        {
          kind: 'seal-not-filed',
          subject: row.sealCode,
          uscc: row.uscc,
          department: row.department,
          since: row.version === 1 ? row.madeAt : now,
          detail: `${whose}「${row.sealName}」(${SEAL_TYPE_NAMES[row.sealType]}) 未备案`,
        },
        now,
      );
    } else {
      const why = row.status === 'cancelled' ? 'the seal was cancelled' : `filed ${row.filingNo ?? ''}`.trim();
      await this.gaps.close(manager, 'seal-not-filed', row.sealCode, why, now);
    }
  }

  private async establishment(manager: EntityManager, uscc: string, now: Date): Promise<void> {
    await this.repository.lock(manager, `holder:${uscc}`);
    const establishment = await this.repository.establishment(manager, uscc, true);
    if (!establishment || establishment.sealsCompleteAt) return;
    const missing = missingSealTypes(
      await this.repository.sealTypesOf(manager, uscc),
      this.env.REGISTRY_REQUIRED_SEAL_TYPES,
    );
    if (missing.length > 0) return;
    await manager.query(`UPDATE ${this.repository.t('establishment')} SET seals_complete_at = $2 WHERE uscc = $1`, [
      uscc,
      now,
    ]);
    await this.gaps.close(manager, 'seal-set-late', uscc, 'the seal set is complete', now);
  }
}
