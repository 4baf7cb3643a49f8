import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OutboxWriter } from '@hub/messaging';
import { ProblemException } from '@hub/platform';
import { Clock, WorkdayCalendar } from '@hub/workdays';
import { Push } from '../../entities/push.entity';
import { LinkageRepository } from '../../linkage.repository';
import { makePush } from '../../make-push';
import { pushedEntry } from '../../timeline';

/**
 * 协调: the coordinator assigns an unassigned approval to a supervising department, or re-routes a returned push to
 * another (the new push replaces the returned one). An approval reaches a department at most once.
 */
@Injectable()
export class Assign {
  constructor(
    private readonly dataSource: DataSource,
    private readonly linkage: LinkageRepository,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    @Inject(WorkdayCalendar) private readonly calendar: WorkdayCalendar,
  ) {}

  async assign(approvalId: string, department: string, coordinator: string, note?: string): Promise<Push> {
    return this.dataSource.transaction(async (manager) => {
      const approval = await this.linkage.findApproval(manager, approvalId, true);
      if (!approval) throw new ProblemException(404, 'not-found', `no approval ${approvalId}`);
      const pushes = await this.linkage.pushesOf(manager, approvalId);
      if (pushes.some((p) => p.department === department)) {
        throw new ProblemException(409, 'conflict', `approval ${approvalId} was already pushed to ${department}`, [
          { field: 'department', rule: 'notPushedBefore', message: `${department} has had this approval already` },
        ]);
      }
      let replaces: string | undefined;
      if (approval.state !== 'unassigned') {
        const [open] = await this.linkage.openReturns(manager, approvalId);
        if (!open)
          throw new ProblemException(409, 'conflict', `approval ${approvalId} is neither unassigned nor returned`);
        replaces = open.push_id;
      }
      const assignment = { assignedBy: coordinator, replaces, note };
      const made = makePush(this.calendar, approval, department, this.clock.now(), assignment, approval.eventId);
      await this.linkage.updateApproval(manager, approvalId, { state: 'assigned', nextNoticeAt: null });
      await this.linkage.insertPush(manager, [made.push]);
      await this.linkage.addTimeline(manager, [pushedEntry(approval, made)]);
      await this.outbox.enqueue(manager, [made.event]);
      return made.push;
    });
  }
}
