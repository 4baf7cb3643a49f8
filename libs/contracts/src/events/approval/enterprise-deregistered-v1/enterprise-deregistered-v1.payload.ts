import { IsString, Length } from 'class-validator';
import { IsUscc } from '../../../identifiers/uscc';
import { IsCalendarDate } from '../../../validation/format.decorators';

/** An enterprise has been deregistered (注销登记) by the 审批局. */
export class EnterpriseDeregisteredV1Payload {
  /**
   * An enterprise registered in the pilot years may hold a code that fails the check; its deregistration must
   * still be recorded (GLOSSARY: keep such codes, flagged), so a bad check character is accepted here.
   */
  @IsUscc({ allowBadChecksum: true })
  @IsString()
  uscc!: string;

  /** 注销日期. */
  @IsCalendarDate()
  @IsString()
  deregisteredOn!: string;

  /** 注销原因, as recorded, e.g. 决议解散. */
  @Length(1, 500)
  @IsString()
  reason!: string;
}
