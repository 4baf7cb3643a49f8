import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { DELIVERY_STATUSES, DeliveryStatus } from '../entities/delivery.entity';

/** `GET /v1/subscriptions/:id/deliveries?status=failed&limit=50`: newest first; page with `before`. */
export class ListDeliveriesQuery {
  @IsIn(DELIVERY_STATUSES)
  @IsOptional()
  status?: DeliveryStatus;

  @Max(500)
  @Min(1)
  @IsInt()
  @Type(() => Number)
  @IsOptional()
  limit = 50;

  /** The `sequence` of the last delivery seen: the page continues with older ones. */
  @Matches(/^[1-9][0-9]{0,18}$/, { message: 'before must be the sequence of a delivery' })
  @IsOptional()
  before?: string;
}
