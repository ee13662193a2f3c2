import { Module } from '@nestjs/common';
import { StandardsModule } from '../standards/standards.module';
import { FillScoreSheetController } from './commands/fill-score-sheet/fill-score-sheet.controller';
import { RecordCaseFactsMessageController } from './commands/record-case-facts/record-case-facts.message-controller';
import { RecordFindingController } from './commands/record-finding/record-finding.controller';
import { RecordGroupMessageController } from './commands/record-group/record-group.message-controller';
import { SubmitComprehensiveOpinionController } from './commands/submit-comprehensive-opinion/submit-comprehensive-opinion.controller';
import { SubmitPreliminaryOpinionController } from './commands/submit-preliminary-opinion/submit-preliminary-opinion.controller';
import { SubmitTechnicalOpinionController } from './commands/submit-technical-opinion/submit-technical-opinion.controller';
import { TrackStageMessageController } from './commands/track-stage/track-stage.message-controller';
import { EvaluationStore } from './evaluation-store';
import { OpinionPublisher } from './opinion-publisher';
import { GetEvaluationController } from './queries/get-evaluation/get-evaluation.controller';
import { GetOpinionController } from './queries/get-opinion/get-opinion.controller';
import { GetScoreSheetsController } from './queries/get-score-sheets/get-score-sheets.controller';

@Module({
  imports: [StandardsModule],
  controllers: [
    RecordCaseFactsMessageController,
    RecordGroupMessageController,
    TrackStageMessageController,
    RecordFindingController,
    FillScoreSheetController,
    SubmitPreliminaryOpinionController,
    SubmitTechnicalOpinionController,
    SubmitComprehensiveOpinionController,
    GetEvaluationController,
    GetScoreSheetsController,
    GetOpinionController,
  ],
  providers: [EvaluationStore, OpinionPublisher],
})
export class EvaluationsModule {}
