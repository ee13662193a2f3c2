import { Module } from '@nestjs/common';
import { ReplayFeedController } from './commands/replay-feed/replay-feed.controller';
import { ReplayFeedHandler } from './commands/replay-feed/replay-feed.handler';
import { FeedRepository } from './infrastructure/feed.repository';
import { ReconcileFeedController } from './queries/reconcile-feed/reconcile-feed.controller';

@Module({ controllers: [ReplayFeedController, ReconcileFeedController], providers: [FeedRepository, ReplayFeedHandler] })
export class FeedModule {}
