import { Module } from '@nestjs/common';
import { ReplayFeedController } from './commands/replay-feed/replay-feed.controller';
import { ReconcileFeedController } from './queries/reconcile-feed/reconcile-feed.controller';

@Module({ controllers: [ReplayFeedController, ReconcileFeedController] })
export class FeedModule {}
