import { Module } from '@nestjs/common';
import { PlansModule } from '../plans/plans.module';
import { PublicController } from './public.controller';

/** 一公开: the public reads. */
@Module({ imports: [PlansModule], controllers: [PublicController] })
export class PublicModule {}
