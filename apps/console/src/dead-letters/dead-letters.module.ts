import { Module } from '@nestjs/common';
import { DeadLettersConsumer } from './dead-letters.consumer';
import { DeadLettersController } from './dead-letters.controller';

@Module({ controllers: [DeadLettersConsumer, DeadLettersController] })
export class DeadLettersModule {}
