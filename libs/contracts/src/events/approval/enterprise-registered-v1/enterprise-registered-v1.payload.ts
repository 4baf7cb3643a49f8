import { IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { IsUscc } from '../../../identifiers/uscc';
import { PersonalData } from '../../../privacy/personal-data';
import { IsCalendarDate } from '../../../validation/format.decorators';

// Decorators run bottom-up: the type check sits lowest so that it is the one reported for a wrong type.
/** An enterprise has been registered (设立登记) by the 审批局, which carries out business registration in the zone. */
export class EnterpriseRegisteredV1Payload {
  /** A new registration gets a code that passes the check; pilot codes never reach this event. */
  @IsUscc()
  @IsString()
  uscc!: string;

  @Length(1, 200)
  @IsString()
  name!: string;

  /** 法定代表人: a natural person's name. */
  @PersonalData('name')
  @Length(1, 100)
  @IsString()
  legalRepresentative!: string;

  /** 住所. */
  @Length(1, 300)
  @IsString()
  address!: string;

  /** 国民经济行业分类 (GB/T 4754-2017): a section letter A–T, then 2, 3 or 4 digits (division, group, class). */
  @Matches(/^[A-T](?:\d{2}|\d{3}|\d{4})?$/, {
    message:
      'industryCode must be a GB/T 4754-2017 code: a section letter A-T, optionally followed by 2-4 digits, e.g. C2929',
  })
  @IsString()
  industryCode!: string;

  /** 成立日期. */
  @IsCalendarDate()
  @IsString()
  establishedOn!: string;

  /** 注册资本, in whole yuan. */
  @Max(Number.MAX_SAFE_INTEGER)
  @Min(0)
  @IsInt()
  @IsOptional()
  registeredCapitalYuan?: number;
}
