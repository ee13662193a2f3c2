import { Module } from '@nestjs/common';
import { AcceptCaseHandler } from './commands/accept-case/accept-case.handler';
import { ApplyRecheckDecisionHandler } from './commands/apply-recheck-decision/apply-recheck-decision.handler';
import { ApproveCaseHandler } from './commands/approve-case/approve-case.handler';
import { NotAcceptCaseHandler } from './commands/not-accept-case/not-accept-case.handler';
import { NotApproveCaseHandler } from './commands/not-approve-case/not-approve-case.handler';
import { OpenCaseHandler } from './commands/open-case/open-case.handler';
import { RecordDrawSeedHandler } from './commands/record-draw-seed/record-draw-seed.handler';
import { RecordFilingIssuedHandler } from './commands/record-filing-issued/record-filing-issued.handler';
import { RecordGroupFormedHandler } from './commands/record-group-formed/record-group-formed.handler';
import { RecordLeaderElectedHandler } from './commands/record-leader-elected/record-leader-elected.handler';
import { RecordMemberReplacedHandler } from './commands/record-member-replaced/record-member-replaced.handler';
import { RecordNoticeClosedHandler } from './commands/record-notice-closed/record-notice-closed.handler';
import { RecordOpinionHandler } from './commands/record-opinion/record-opinion.handler';
import { RecordPublicNoticeHandler } from './commands/record-public-notice/record-public-notice.handler';
import { RequestExpertsHandler } from './commands/request-experts/request-experts.handler';
import { ResumeAfterResubmissionHandler } from './commands/resume-after-resubmission/resume-after-resubmission.handler';
import { StageDeadlines } from '../infrastructure/stage-deadlines';
import { StaffNotifications } from '../infrastructure/staff-notifications';
import { AcceptCaseController } from './commands/accept-case/accept-case.controller';
import { ApplyRecheckDecisionMessageController } from './commands/apply-recheck-decision/apply-recheck-decision.message-controller';
import { ApproveCaseController } from './commands/approve-case/approve-case.controller';
import { RecordNoticeClosedMessageController } from './commands/record-notice-closed/record-notice-closed.message-controller';
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
import { LifecycleStep } from './commands/lifecycle-step';
import { NotifyOverdueHandler } from './commands/notify-overdue/notify-overdue.handler';
import { NotifyOverdueScheduler } from './commands/notify-overdue/notify-overdue.scheduler';
import { OverdueNoticeRepository } from './infrastructure/overdue-notice.repository';
import { CaseRepository } from './infrastructure/case.repository';
// The province's work queue lists the re-check requests beside its cases.
import { RecheckRequestRepository } from '../rechecks/infrastructure/recheck-request.repository';
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
    RecordNoticeClosedMessageController,
    RecordFilingIssuedMessageController,
    // queries
    GetCaseController,
    WorkQueueController,
  ],
  providers: [
    CaseRepository,
    RecheckRequestRepository,
    LifecycleStep,
    StageDeadlines,
    StaffNotifications,
    AcceptCaseHandler,
    ApplyRecheckDecisionHandler,
    ApproveCaseHandler,
    NotAcceptCaseHandler,
    NotApproveCaseHandler,
    OpenCaseHandler,
    RecordDrawSeedHandler,
    RecordFilingIssuedHandler,
    RecordGroupFormedHandler,
    RecordLeaderElectedHandler,
    RecordMemberReplacedHandler,
    RecordNoticeClosedHandler,
    RecordOpinionHandler,
    RecordPublicNoticeHandler,
    RequestExpertsHandler,
    ResumeAfterResubmissionHandler,
    // 督办: a periodic check on the service's clock
    OverdueNoticeRepository,
    NotifyOverdueHandler,
    NotifyOverdueScheduler,
  ],
})
export class CasesModule {}
