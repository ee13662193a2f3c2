import { Module } from '@nestjs/common';
import { StageDeadlines } from '../infrastructure/stage-deadlines';
import { AcceptCaseController } from './commands/accept-case/accept-case.controller';
import { ApplyRecheckDecisionMessageController } from './commands/apply-recheck-decision/apply-recheck-decision.message-controller';
import { ApproveCaseController } from './commands/approve-case/approve-case.controller';
import { CloseNoticeMessageController } from './commands/close-notice/close-notice.message-controller';
import { NotAcceptCaseController } from './commands/not-accept-case/not-accept-case.controller';
import { NotApproveCaseController } from './commands/not-approve-case/not-approve-case.controller';
import { OpenCaseMessageController } from './commands/open-case/open-case.message-controller';
import { RecordDrawSeedMessageController } from './commands/record-draw-seed/record-draw-seed.message-controller';
import { RecordFilingIssuedMessageController } from './commands/record-filing-issued/record-filing-issued.message-controller';
import { RecordGroupFormedMessageController } from './commands/record-group-formed/record-group-formed.message-controller';
import { RecordLeaderElectedMessageController } from './commands/record-leader-elected/record-leader-elected.message-controller';
import { RecordMemberReplacedMessageController } from './commands/record-member-replaced/record-member-replaced.message-controller';
import { RecordPublicNoticeMessageController } from './commands/record-public-notice/record-public-notice.message-controller';
import { RecordOpinionMessageController } from './commands/record-opinion/record-opinion.message-controller';
import { RequestExpertsController } from './commands/request-experts/request-experts.controller';
import { ResumeAfterResubmissionMessageController } from './commands/resume-after-resubmission/resume-after-resubmission.message-controller';
import { CaseStepper } from './infrastructure/case-stepper';
import { GetCaseController } from './queries/get-case/get-case.controller';
import { WorkQueueController } from './queries/work-queue/work-queue.controller';

@Module({
  controllers: [
    // HTTP commands of centre staff and approvers
    AcceptCaseController,
    NotAcceptCaseController,
    RequestExpertsController,
    ApproveCaseController,
    NotApproveCaseController,
    // steps driven by other services' events
    OpenCaseMessageController,
    RecordGroupFormedMessageController,
    RecordMemberReplacedMessageController,
    RecordLeaderElectedMessageController,
    RecordOpinionMessageController,
    ApplyRecheckDecisionMessageController,
    ResumeAfterResubmissionMessageController,
    RecordDrawSeedMessageController,
    RecordPublicNoticeMessageController,
    CloseNoticeMessageController,
    RecordFilingIssuedMessageController,
    // queries
    GetCaseController,
    WorkQueueController,
  ],
  providers: [CaseStepper, StageDeadlines],
})
export class CasesModule {}
