import { IsOptional, IsString, Matches } from 'class-validator';

export class ListEventTypesQuery {
  /** A department code (`SPJ`) or app name (`supervision`). */
  @IsOptional()
  @Matches(/^([A-Z]{2,6}|[a-z]+)$/, {
    message: 'owner must be a department code such as SPJ or an app name such as supervision',
  })
  @IsString()
  owner?: string;

  /** A canonical topic, e.g. `zone.approval.enterprise.v1`. */
  @IsOptional()
  @Matches(/^zone\.[a-z0-9-]+\.[a-z0-9-]+\.v[1-9][0-9]*$/, { message: 'topic must be zone.<domain>.<aggregate>.v<N>' })
  @IsString()
  topic?: string;
}
