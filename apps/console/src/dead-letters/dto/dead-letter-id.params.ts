import { Matches } from 'class-validator';

export class DeadLetterIdParams {
  @Matches(/^\d{1,18}$/, { message: 'id must be a dead letter id' })
  id!: string;
}
