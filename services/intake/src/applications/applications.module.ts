import { Module } from '@nestjs/common';
import { CreateApplicationHandler } from './commands/create-application/create-application.handler';
import { SubmitApplicationHandler } from './commands/submit-application/submit-application.handler';
import { ResubmitApplicationHandler } from './commands/resubmit-application/resubmit-application.handler';
import { RecordOnTimelineHandler } from './commands/record-on-timeline.handler';
import { TimelineRepository } from './infrastructure/timeline.repository';
import { ApplicationRepository } from './infrastructure/application.repository';
import { ExpertGroupRepository } from './infrastructure/expert-group.repository';
import { FiledInstitutionRepository } from './infrastructure/filed-institution.repository';
import { MaterialRepository } from './infrastructure/material.repository';
import { UploadMaterialHandler } from './commands/upload-material/upload-material.handler';
import { IdempotencyStore } from '../idempotency/infrastructure/idempotency.store';
import { CreateApplicationController } from './commands/create-application/create-application.controller';
import { RecordFilingMessageController } from './commands/record-filing/record-filing.message-controller';
import { RecordFilingHandler } from './commands/record-filing/record-filing.handler';
import { RecordHistoricalFilingMessageController } from './commands/record-historical-filing/record-historical-filing.message-controller';
import { RecordHistoricalFilingHandler } from './commands/record-historical-filing/record-historical-filing.handler';
import { RecordRegisterChangeMessageController } from './commands/record-register-change/record-register-change.message-controller';
import { RecordRegisterChangeHandler } from './commands/record-register-change/record-register-change.handler';
import { RecordOutcomeMessageController } from './commands/record-outcome/record-outcome.message-controller';
import { RecordOutcomeHandler } from './commands/record-outcome/record-outcome.handler';
import { RecordReturnMessageController } from './commands/record-return/record-return.message-controller';
import { RecordReturnHandler } from './commands/record-return/record-return.handler';
import { RecordStageChangeMessageController } from './commands/record-stage-change/record-stage-change.message-controller';
import { RecordStageChangeHandler } from './commands/record-stage-change/record-stage-change.handler';
import { ResubmitApplicationController } from './commands/resubmit-application/resubmit-application.controller';
import { SubmitApplicationController } from './commands/submit-application/submit-application.controller';
import { UploadMaterialController } from './commands/upload-material/upload-material.controller';
import { ApplicationAccess } from './infrastructure/application-access';
import { ApplicantNotifications } from './infrastructure/applicant-notifications';
import { DownloadMaterialController } from './queries/download-material/download-material.controller';
import { GetApplicationController } from './queries/get-application/get-application.controller';
import { GetChecklistController } from './queries/get-checklist/get-checklist.controller';
import { ListApplicationsController } from './queries/list-applications/list-applications.controller';
import { ListMaterialAccessController } from './queries/list-material-access/list-material-access.controller';
import { TellApplicantOfObjectionMessageController } from './commands/tell-applicant-of-objection/tell-applicant-of-objection.message-controller';
import { TellApplicantOfObjectionHandler } from './commands/tell-applicant-of-objection/tell-applicant-of-objection.handler';
import { RecordExpertGroupMessageController } from './commands/record-expert-group/record-expert-group.message-controller';
import { RecordExpertGroupHandler } from './commands/record-expert-group/record-expert-group.handler';
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
    ListMaterialAccessController,
    RecordStageChangeMessageController,
    RecordReturnMessageController,
    RecordOutcomeMessageController,
    RecordFilingMessageController,
    RecordRegisterChangeMessageController,
    RecordHistoricalFilingMessageController,
    RecordExpertGroupMessageController,
    TellApplicantOfObjectionMessageController,
  ],
  providers: [
    TellApplicantOfObjectionHandler,
    RecordStageChangeHandler,
    RecordReturnHandler,
    RecordRegisterChangeHandler,
    RecordOutcomeHandler,
    RecordHistoricalFilingHandler,
    RecordFilingHandler,
    RecordExpertGroupHandler,
    ApplicantNotifications,
    CreateApplicationHandler,
    SubmitApplicationHandler,
    ResubmitApplicationHandler,
    ApplicationAccess,
    IdempotencyStore,
    UploadMaterialHandler,
    TimelineRepository,
    ApplicationRepository,
    ExpertGroupRepository,
    FiledInstitutionRepository,
    MaterialRepository,
    RecordOnTimelineHandler,
  ],
})
export class ApplicationsModule {}
