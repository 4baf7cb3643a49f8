import { IsUUID } from 'class-validator';

export class PersonParams {
  @IsUUID()
  id!: string;
}
