import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { NoticesModule } from '../notices/notices.module';
import { InvestigateObjectionController } from './commands/investigate-objection/investigate-objection.controller';
import { LodgeObjectionController } from './commands/lodge-objection/lodge-objection.controller';
import { ObjectionBodyLimitMiddleware } from './commands/lodge-objection/objection-body-limit.middleware';
import { ResolveObjectionController } from './commands/resolve-objection/resolve-objection.controller';
import { ExportObjectionsController } from './queries/export-objections/export-objections.controller';
import { GetObjectionStatusController } from './queries/get-objection-status/get-objection-status.controller';
import { ListObjectionsController } from './queries/list-objections/list-objections.controller';
import { InvestigateObjectionHandler } from './commands/investigate-objection/investigate-objection.handler';
import { LodgeObjectionHandler } from './commands/lodge-objection/lodge-objection.handler';
import { ResolveObjectionHandler } from './commands/resolve-objection/resolve-objection.handler';
import { ObjectionsRepository } from './infrastructure/objections.repository';
import { ObjectorNotifications } from './infrastructure/objector-notifications';

@Module({
  imports: [NoticesModule],
  controllers: [
    LodgeObjectionController,
    InvestigateObjectionController,
    ResolveObjectionController,
    ListObjectionsController,
    ExportObjectionsController,
    GetObjectionStatusController,
  ],
  providers: [ObjectionsRepository, ObjectorNotifications, LodgeObjectionHandler, InvestigateObjectionHandler, ResolveObjectionHandler],
})
export class ObjectionsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(ObjectionBodyLimitMiddleware).forRoutes({ path: 'public/notices/:id/objections', method: RequestMethod.POST });
  }
}
