import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { MattersController } from './matters.controller';
import { MattersService } from './matters.service';

@Module({ imports: [AuthModule], controllers: [MattersController], providers: [MattersService] })
export class MattersModule {}
