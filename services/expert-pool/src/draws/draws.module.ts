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
import { ReplaceMemberController } from './commands/replace-member/replace-member.controller';
import { KickOffController } from './commands/kick-off/kick-off.controller';
import { ElectLeaderController } from './commands/elect-leader/elect-leader.controller';
import { RevealSeedHandler } from './commands/reveal-seed/reveal-seed.handler';
import { RevealSeedMessageController } from './commands/reveal-seed/reveal-seed.message-controller';
import { ListDrawsController } from './queries/list-draws/list-draws.controller';
import { GetDrawController } from './queries/get-draw/get-draw.controller';
import { GetExclusionsController } from './queries/get-exclusions/get-exclusions.controller';
import { GetVerificationController } from './queries/get-verification/get-verification.controller';
import { VerifyDrawController } from './queries/verify-draw/verify-draw.controller';

@Module({
  controllers: [
    QueueDrawRequestMessageController,
    RevealSeedMessageController,
    // `draws/verify` before `draws/:id`.
    VerifyDrawController,
    ListDrawsController,
    CommitDrawController,
    PerformDrawController,
    ConfirmInvitationController,
    ReplaceMemberController,
    KickOffController,
    ElectLeaderController,
    GetExclusionsController,
    GetVerificationController,
    GetDrawController,
  ],
  providers: [
    ExpertNotifications,
    KickOffHandler,
    DrawRepository,
    ExpertDatabaseRepository,
    QueueDrawRequestHandler,
    CommitDrawHandler,
    PerformDrawHandler,
    RevealSeedHandler,
  ],
})
export class DrawsModule {}
