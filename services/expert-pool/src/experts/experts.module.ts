import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { text } from 'express';
import { CreateExpertController } from './commands/create-expert/create-expert.controller';
import { UpdateExpertController } from './commands/update-expert/update-expert.controller';
import { ChangeExpertStatusController } from './commands/change-expert-status/change-expert-status.controller';
import { ImportExpertsController } from './commands/import-experts/import-experts.controller';
import { ImportExpertsHandler } from './commands/import-experts/import-experts.handler';
import { GetImportJobController } from './queries/get-import-job/get-import-job.controller';
import { ListExpertsController } from './queries/list-experts/list-experts.controller';
import { GetExpertController } from './queries/get-expert/get-expert.controller';

@Module({
  // Import routes come before `experts/:id` so "imports" is never read as an expert id.
  controllers: [ImportExpertsController, GetImportJobController, CreateExpertController, ListExpertsController, UpdateExpertController, ChangeExpertStatusController, GetExpertController],
  providers: [ImportExpertsHandler],
})
export class ExpertsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    // CSV imports may be sent as a plain text/csv body; the global parsers only read JSON and forms.
    consumer.apply(text({ type: 'text/csv', limit: '50mb' })).forRoutes({ path: 'experts/imports', method: RequestMethod.POST });
  }
}
