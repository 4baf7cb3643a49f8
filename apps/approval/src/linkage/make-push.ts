import { CloudEvent, createEvent, LicencePushedV1, LicencePushedV1Payload, stableId } from '@hub/contracts';
import { WorkdayCalendar } from '@hub/workdays';
import { Approval } from './entities/approval.entity';
import { Push } from './entities/push.entity';

/** The `source` of every event the approval app makes. */
export const SOURCE = '/apps/approval';

/** Who made a push other than the responsibility list: the coordinator, the push it replaces, a note. */
export interface Assignment {
  assignedBy?: string;
  replaces?: string;
  note?: string;
}

/**
 * A push of the approval to one department at `pushedAt`, with its claim limit, and its licence.pushed event. Both
 * take ids derived from the approval and the department: one approval reaches a department at most once, and a
 * rebuild pushes it again under the very same ids.
 */
export function makePush(
  calendar: WorkdayCalendar,
  approval: Approval,
  department: string,
  pushedAt: Date,
  options: Assignment,
  causation: string,
): { push: Push; event: CloudEvent<LicencePushedV1Payload> } {
  const pushId = stableId('push', approval.approvalId, department);
  const claimDue = calendar.addWorkdays(pushedAt, approval.claimWorkdays);
  const push: Push = {
    pushId,
    approvalId: approval.approvalId,
    uscc: approval.uscc,
    department,
    pushedAt,
    claimDueAt: claimDue.dueAt,
    assignedBy: options.assignedBy ?? null,
    replacesPushId: options.replaces ?? null,
  };
  const event = createEvent(
    LicencePushedV1,
    {
      uscc: approval.uscc,
      approvalId: approval.approvalId,
      matterCode: approval.matterCode,
      licenceNo: approval.licenceNo,
      decidedAt: approval.decidedAt.toISOString(),
      pushId,
      decision: approval.decision,
      matterName: approval.matterName,
      reformMode: approval.reformMode,
      department,
      pushedAt: pushedAt.toISOString(),
      claimDueDate: claimDue.dueDate,
      claimDueAt: claimDue.dueAt.toISOString(),
      claimDueProvisional: claimDue.provisional,
      supervisionWorkdays: approval.supervisionWorkdays,
      ...(approval.commitments ? { commitments: approval.commitments } : {}),
      ...(options.assignedBy ? { assignedBy: options.assignedBy } : {}),
      ...(options.replaces ? { replacesPushId: options.replaces } : {}),
      ...(options.note ? { note: options.note } : {}),
    },
    { source: SOURCE, id: stableId('pushed', pushId), correlationid: approval.eventId, causationid: causation },
  );
  return { push, event };
}
