import { IsUUID } from 'class-validator';

export class SystemParams {
  @IsUUID()
  systemId!: string;
}
