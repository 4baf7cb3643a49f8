import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  CloudEvent,
  DeadlineNoticeV1Payload,
  PushActivityBase,
  PushClaimRefusedV1Payload,
  PushClaimedV1Payload,
  PushFedBackV1Payload,
  PushReturnedV1Payload,
  PushRevocationRequestedV1Payload,
  PushSupervisedV1Payload,
} from '@hub/contracts';
import { TimelineKind } from '../../entities/timeline-entry.entity';
import { LinkageRepository } from '../../linkage.repository';
import { entry, revokedEntry } from '../../timeline';

/**
 * 互反馈: what the supervising departments did with the pushes, as the supervision app publishes it, recorded on each
 * approval's timeline. Entries are keyed by event, so a redelivery or a replay adds nothing, and they do not need
 * the push to be known yet (a claim may be read before the push it answers).
 */
@Injectable()
export class RecordFeedback {
  constructor(private readonly linkage: LinkageRepository) {}

  async record(manager: EntityManager, events: CloudEvent<PushActivityBase>[]): Promise<void> {
    const entries = events.map((event) => {
      const d = event.data!;
      const kind = event.type.split('.')[3] as TimelineKind;
      return entry(event.id, d, kind, new Date(d.at), d.department, d.actor, detailOf(event));
    });
    const requests = events
      .filter((e) => e.type.endsWith('.revocation-requested.v1'))
      .map((e) => e.data as PushRevocationRequestedV1Payload);
    // Read after the revocation that answers it (a replay reads the two topics side by side): closed at once.
    await this.linkage.lockRevocationRequests(
      manager,
      requests.map((r) => r.requestId),
    );
    const revoked = await this.linkage.revocationsOf(
      manager,
      requests.map((r) => r.requestId),
    );
    for (const d of requests) {
      const by = revoked.get(d.requestId);
      await this.linkage.addRevocationRequest(manager, {
        requestId: d.requestId,
        approvalId: d.approvalId,
        uscc: d.uscc,
        licenceNo: d.licenceNo,
        department: d.department,
        reason: d.reason,
        requestedAt: new Date(d.at),
        state: by ? 'revoked' : 'open',
        revokedByApprovalId: by ? by.approvalId : null,
      });
      if (by) entries.push(revokedEntry(by, d));
    }
    await this.linkage.addTimeline(manager, entries);
  }

  /** The supervision app's claim and supervision deadline notices, on the approval's timeline. */
  async recordNotices(manager: EntityManager, events: CloudEvent<DeadlineNoticeV1Payload>[]): Promise<void> {
    await this.linkage.addTimeline(
      manager,
      events.map((event) => {
        const d = event.data!;
        const kind = event.type.split('.')[3] as TimelineKind;
        return entry(event.id, d, kind, new Date(event.time ?? d.dueAt), d.department ?? null, 'supervision', {
          limit: d.limit,
          dueAt: d.dueAt,
          notify: d.notify,
        });
      }),
    );
  }
}

function detailOf(event: CloudEvent<PushActivityBase>): Record<string, unknown> {
  const d = event.data!;
  const base = d.pushId ? { pushId: d.pushId } : {};
  switch (event.type.split('.')[3]) {
    case 'claimed':
      return { ...base, channel: (d as PushClaimedV1Payload).channel };
    case 'claim-refused':
      return { ...base, reason: (d as PushClaimRefusedV1Payload).reason };
    case 'returned': {
      const r = d as PushReturnedV1Payload;
      return {
        ...base,
        reason: r.reason,
        ...(r.suggestedDepartment ? { suggestedDepartment: r.suggestedDepartment } : {}),
      };
    }
    case 'supervised': {
      const s = d as PushSupervisedV1Payload;
      return { ...base, actionId: s.actionId, action: s.action, result: s.result, findings: s.findings };
    }
    case 'fed-back': {
      const f = d as PushFedBackV1Payload;
      return { ...base, actionId: f.actionId, result: f.result, affects: f.affects, summary: f.summary };
    }
    case 'revocation-requested': {
      const q = d as PushRevocationRequestedV1Payload;
      return { ...base, requestId: q.requestId, actionId: q.actionId, reason: q.reason };
    }
    default:
      return base;
  }
}
