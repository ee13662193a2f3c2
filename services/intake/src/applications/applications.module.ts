import { Module } from '@nestjs/common';
import { IdempotencyStore } from '../idempotency/idempotency.store';
import { CreateApplicationController } from './commands/create-application/create-application.controller';
import { RecordFilingMessageController } from './commands/record-filing/record-filing.message-controller';
import { RecordOutcomeMessageController } from './commands/record-outcome/record-outcome.message-controller';
import { RecordReturnMessageController } from './commands/record-return/record-return.message-controller';
import { RecordStageChangeMessageController } from './commands/record-stage-change/record-stage-change.message-controller';
import { ResubmitApplicationController } from './commands/resubmit-application/resubmit-application.controller';
import { SubmitApplicationController } from './commands/submit-application/submit-application.controller';
import { UploadMaterialController } from './commands/upload-material/upload-material.controller';
import { ApplicationAccess } from './infrastructure/application-access';
import { DownloadMaterialController } from './queries/download-material/download-material.controller';
import { GetApplicationController } from './queries/get-application/get-application.controller';
import { GetChecklistController } from './queries/get-checklist/get-checklist.controller';
import { ListApplicationsController } from './queries/list-applications/list-applications.controller';
import { ListMaterialsController } from './queries/list-materials/list-materials.controller';

@Module({
  controllers: [
    CreateApplicationController,
    UploadMaterialController,
    SubmitApplicationController,
    ResubmitApplicationController,
    ListApplicationsController,
    GetChecklistController,
    GetApplicationController,
    ListMaterialsController,
    DownloadMaterialController,
    RecordStageChangeMessageController,
    RecordReturnMessageController,
    RecordOutcomeMessageController,
    RecordFilingMessageController,
  ],
  providers: [ApplicationAccess, IdempotencyStore],
})
export class ApplicationsModule {}
