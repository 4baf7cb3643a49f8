import { IsString, Length, Matches } from 'class-validator';
import { LINKAGE_ID } from '@hub/contracts';

/** What every act of a department on an approval names: the approval, and who acts. */
export class ActOnApproval {
  @Matches(LINKAGE_ID, { message: 'approvalId must be 1-64 letters, digits or ._:-' })
  @IsString()
  approvalId!: string;

  /** The person (e.g. 执法证号) or system acting for the department. */
  @Length(1, 100)
  @IsString()
  actor!: string;
}
