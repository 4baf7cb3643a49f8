import { IsOptional, IsString, Matches } from 'class-validator';

export class ListEventTypesQuery {
  /** A department code (`SPJ`), an app name (`supervision`) or `each-department`. */
  @IsOptional()
  @Matches(/^([A-Z]{2,6}|[a-z]+(-[a-z]+)*)$/, {
    message: 'owner must be a department code such as SPJ, an app name such as supervision, or each-department',
  })
  @IsString()
  owner?: string;

  /** A canonical topic, e.g. `zone.approval.enterprise.v1`. */
  @IsOptional()
  @Matches(/^zone\.[a-z0-9-]+\.[a-z0-9-]+\.v[1-9][0-9]*$/, { message: 'topic must be zone.<domain>.<aggregate>.v<N>' })
  @IsString()
  topic?: string;
}
