import { Module } from '@nestjs/common';
import { IngressConsumer } from './ingress.consumer';

@Module({ controllers: [IngressConsumer] })
export class IngressModule {}
