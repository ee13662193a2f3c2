import { Module } from '@nestjs/common';
import { KickOffHandler } from './commands/kick-off/kick-off.handler';
import { QueueDrawRequestHandler } from './commands/queue-draw-request/queue-draw-request.handler';
import { QueueDrawRequestMessageController } from './commands/queue-draw-request/queue-draw-request.message-controller';
import { CommitDrawController } from './commands/commit-draw/commit-draw.controller';
import { CommitDrawHandler } from './commands/commit-draw/commit-draw.handler';
import { DrawRepository } from './infrastructure/draw.repository';
import { ExpertDatabaseRepository } from './infrastructure/expert-database.repository';
import { ExpertNotifications } from './infrastructure/expert-notifications';
import { PerformDrawController } from './commands/perform-draw/perform-draw.controller';
import { PerformDrawHandler } from './commands/perform-draw/perform-draw.handler';
import { ConfirmInvitationController } from './commands/confirm-invitation/confirm-invitation.controller';
import { ConfirmInvitationHandler } from './commands/confirm-invitation/confirm-invitation.handler';
import { ReplaceMemberController } from './commands/replace-member/replace-member.controller';
import { ReplaceMemberHandler } from './commands/replace-member/replace-member.handler';
import { RecordKickOffMeetingController } from './commands/record-kick-off-meeting/record-kick-off-meeting.controller';
import { RecordKickOffMeetingHandler } from './commands/record-kick-off-meeting/record-kick-off-meeting.handler';
import { AttachKickOffMinutesController } from './commands/attach-kick-off-minutes/attach-kick-off-minutes.controller';
import { AttachKickOffMinutesHandler } from './commands/attach-kick-off-minutes/attach-kick-off-minutes.handler';
import { GetKickOffMinutesController } from './queries/get-kick-off-minutes/get-kick-off-minutes.controller';
import { KickOffMinutesRepository } from './infrastructure/kick-off-minutes.repository';
import { KickOffController } from './commands/kick-off/kick-off.controller';
import { ElectLeaderController } from './commands/elect-leader/elect-leader.controller';
import { ElectLeaderHandler } from './commands/elect-leader/elect-leader.handler';
import { RevealSeedHandler } from './commands/reveal-seed/reveal-seed.handler';
import { RevealSeedMessageController } from './commands/reveal-seed/reveal-seed.message-controller';
import { TellGroupHandler } from './commands/tell-group/tell-group.handler';
import { TellGroupMessageController } from './commands/tell-group/tell-group.message-controller';
import { ListDrawsController } from './queries/list-draws/list-draws.controller';
import { GetDrawController } from './queries/get-draw/get-draw.controller';
import { GetExclusionsController } from './queries/get-exclusions/get-exclusions.controller';
import { GetVerificationController } from './queries/get-verification/get-verification.controller';
import { VerifyDrawController } from './queries/verify-draw/verify-draw.controller';

@Module({
  controllers: [
    QueueDrawRequestMessageController,
    RevealSeedMessageController,
    TellGroupMessageController,
    // `draws/verify` before `draws/:id`.
    VerifyDrawController,
    ListDrawsController,
    CommitDrawController,
    PerformDrawController,
    ConfirmInvitationController,
    ReplaceMemberController,
    KickOffController,
    RecordKickOffMeetingController,
    AttachKickOffMinutesController,
    GetKickOffMinutesController,
    ElectLeaderController,
    GetExclusionsController,
    GetVerificationController,
    GetDrawController,
  ],
  providers: [
    ExpertNotifications,
    KickOffHandler,
    DrawRepository,
    KickOffMinutesRepository,
    ExpertDatabaseRepository,
    QueueDrawRequestHandler,
    CommitDrawHandler,
    PerformDrawHandler,
    RevealSeedHandler,
    TellGroupHandler,
    ConfirmInvitationHandler,
    ReplaceMemberHandler,
    RecordKickOffMeetingHandler,
    AttachKickOffMinutesHandler,
    ElectLeaderHandler,
  ],
})
export class DrawsModule {}
