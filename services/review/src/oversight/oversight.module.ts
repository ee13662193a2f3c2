import { DynamicModule, Module } from '@nestjs/common';
import { StageDeadlines } from '../infrastructure/stage-deadlines';
import { ReviewInstanceConfig } from '../infrastructure/review.config';
import { RecordHeartbeatHandler } from './commands/record-heartbeat/record-heartbeat.handler';
import { RecordHeartbeatMessageController } from './commands/record-heartbeat/record-heartbeat.message-controller';
import { RecordStageChangeHandler } from './commands/record-stage-change/record-stage-change.handler';
import { RecordStageChangeMessageController } from './commands/record-stage-change/record-stage-change.message-controller';
import { SendHeartbeatHandler } from './commands/send-heartbeat/send-heartbeat.handler';
import { SendHeartbeatScheduler } from './commands/send-heartbeat/send-heartbeat.scheduler';
import { ExportCasesController } from './queries/export-cases/export-cases.controller';
import { GetOversightController } from './queries/get-oversight/get-oversight.controller';
import { OversightQuery } from './queries/get-oversight/oversight.query';
import { OversightRepository } from './infrastructure/oversight.repository';

/**
 * 省级监管. Every instance sends its heartbeat and exports its own cases; the province instance also keeps the read
 * model of every instance's cases (from review.case.stage-changed.v1 and the heartbeats) and answers GET /oversight.
 * A city instance subscribes to neither topic.
 */
@Module({})
export class OversightModule {
  static forInstance(config: ReviewInstanceConfig): DynamicModule {
    const province = config.isProvince;
    return {
      module: OversightModule,
      controllers: [ExportCasesController, ...(province ? [GetOversightController, RecordStageChangeMessageController, RecordHeartbeatMessageController] : [])],
      providers: [
        OversightRepository,
        StageDeadlines,
        SendHeartbeatHandler,
        SendHeartbeatScheduler,
        ...(province ? [OversightQuery, RecordStageChangeHandler, RecordHeartbeatHandler] : []),
      ],
    };
  }
}
