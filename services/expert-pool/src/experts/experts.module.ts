import { Module } from '@nestjs/common';
import { CreateExpertHandler } from './commands/create-expert/create-expert.handler';
import { UpdateExpertHandler } from './commands/update-expert/update-expert.handler';
import { ChangeExpertStatusHandler } from './commands/change-expert-status/change-expert-status.handler';
import { LinkAccountHandler } from './commands/link-account/link-account.handler';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { CreateExpertController } from './commands/create-expert/create-expert.controller';
import { UpdateExpertController } from './commands/update-expert/update-expert.controller';
import { ChangeExpertStatusController } from './commands/change-expert-status/change-expert-status.controller';
import { ImportExpertsController } from './commands/import-experts/import-experts.controller';
import { ImportExpertsHandler } from './commands/import-experts/import-experts.handler';
import { GetImportTemplateController } from './queries/get-import-template/get-import-template.controller';
import { GetImportJobController } from './queries/get-import-job/get-import-job.controller';
import { ListExpertsController } from './queries/list-experts/list-experts.controller';
import { GetExpertController } from './queries/get-expert/get-expert.controller';
import { LinkAccountController } from './commands/link-account/link-account.controller';
import { ExpertAccountCheck } from './expert-account.check';
import { ExpertAccess } from './expert-access';
import { ExpertRepository } from './infrastructure/expert.repository';

@Module({
  // Import routes come before `experts/:id` so "imports" is never read as an expert id.
  controllers: [
    ImportExpertsController,
    GetImportTemplateController,
    GetImportJobController,
    CreateExpertController,
    ListExpertsController,
    UpdateExpertController,
    ChangeExpertStatusController,
    LinkAccountController,
    GetExpertController,
  ],
  // Every route of the service: an expert token acts only through a record whose account link agrees.
  providers: [
    ExpertAccess,
    ExpertRepository,
    CreateExpertHandler,
    UpdateExpertHandler,
    ChangeExpertStatusHandler,
    LinkAccountHandler,
    ImportExpertsHandler,
    { provide: APP_INTERCEPTOR, useClass: ExpertAccountCheck },
  ],
})
// A text/csv import body is read by the import controller itself, after the caller is authenticated.
export class ExpertsModule {}
