import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { CsrfForm } from '../../forms';
import { INSPECTION } from './inspection.strings';

export class LockForm extends CsrfForm {}

export class DrawForm extends CsrfForm {
  @Length(1, 200, { message: INSPECTION.rules.entropy })
  @IsString({ message: INSPECTION.rules.entropy })
  entropy!: string;

  @Length(1, 200, { message: INSPECTION.rules.witness })
  @IsString({ message: INSPECTION.rules.witness })
  witness!: string;
}

export class PlanPageQuery {
  @IsIn(['locked', 'drawn'])
  @IsOptional()
  done?: 'locked' | 'drawn';
}
