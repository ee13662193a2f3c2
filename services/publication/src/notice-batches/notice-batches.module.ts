import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module';
import { CreateNoticeBatchController } from './commands/create-notice-batch/create-notice-batch.controller';
import { CreateNoticeBatchHandler } from './commands/create-notice-batch/create-notice-batch.handler';
import { NoticeBatchesRepository } from './infrastructure/notice-batches.repository';
import { GetNoticeBatchController } from './queries/get-notice-batch/get-notice-batch.controller';
import { ListNoticeBatchesController } from './queries/list-notice-batches/list-notice-batches.controller';
import { CounterRepository } from '../infrastructure/counter.repository';

/** 公示批次: one 公示 listing several institutions approved together (each notice keeps its own window and outcome). */
@Module({
  imports: [DocumentsModule],
  controllers: [CreateNoticeBatchController, ListNoticeBatchesController, GetNoticeBatchController],
  providers: [NoticeBatchesRepository, CreateNoticeBatchHandler, CounterRepository],
})
export class NoticeBatchesModule {}
