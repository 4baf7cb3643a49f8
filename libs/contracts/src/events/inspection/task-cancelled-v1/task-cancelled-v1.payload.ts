import { IsString, Length } from 'class-validator';
import { TaskEventBase } from '../task.base';

/** A task was cancelled: its draw was voided (a redraw follows). */
export class TaskCancelledV1Payload extends TaskEventBase {
  @Length(1, 1000)
  @IsString()
  reason!: string;
}
