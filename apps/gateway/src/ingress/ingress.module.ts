import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { IntakeModule } from '../intake/intake.module';
import { IngressConsumer } from './ingress.consumer';

@Module({ imports: [AuthModule, IntakeModule], controllers: [IngressConsumer] })
export class IngressModule {}
