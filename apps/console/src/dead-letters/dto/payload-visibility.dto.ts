import { IsIn } from 'class-validator';
import { PAYLOAD_ROLES } from '../dead-letter-audit';
import { PAYLOAD_VISIBILITIES, PayloadVisibility } from '../entities/payload-visibility.entity';

export class PayloadVisibilityDto {
  @IsIn(PAYLOAD_ROLES)
  role!: string;

  @IsIn(PAYLOAD_VISIBILITIES)
  visibility!: PayloadVisibility;
}
