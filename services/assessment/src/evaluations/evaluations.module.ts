import { Module } from '@nestjs/common';
import { StandardsModule } from '../standards/standards.module';
import { FillScoreSheetController } from './commands/fill-score-sheet/fill-score-sheet.controller';
import { FillScoreSheetHandler } from './commands/fill-score-sheet/fill-score-sheet.handler';
import { LeaderOpinion } from './commands/leader-opinion';
import { RecordCaseFactsHandler } from './commands/record-case-facts/record-case-facts.handler';
import { RecordCaseFactsMessageController } from './commands/record-case-facts/record-case-facts.message-controller';
import { RecordFindingController } from './commands/record-finding/record-finding.controller';
import { RecordFindingHandler } from './commands/record-finding/record-finding.handler';
import { RecordGroupHandler } from './commands/record-group/record-group.handler';
import { RecordGroupMessageController } from './commands/record-group/record-group.message-controller';
import { RecordStageChangeHandler } from './commands/record-stage-change/record-stage-change.handler';
import { RecordStageChangeMessageController } from './commands/record-stage-change/record-stage-change.message-controller';
import { SubmitComprehensiveOpinionController } from './commands/submit-comprehensive-opinion/submit-comprehensive-opinion.controller';
import { SubmitComprehensiveOpinionHandler } from './commands/submit-comprehensive-opinion/submit-comprehensive-opinion.handler';
import { SubmitPreliminaryOpinionController } from './commands/submit-preliminary-opinion/submit-preliminary-opinion.controller';
import { SubmitPreliminaryOpinionHandler } from './commands/submit-preliminary-opinion/submit-preliminary-opinion.handler';
import { SubmitTechnicalOpinionController } from './commands/submit-technical-opinion/submit-technical-opinion.controller';
import { SubmitTechnicalOpinionHandler } from './commands/submit-technical-opinion/submit-technical-opinion.handler';
import { RecordVisitMethodController } from './commands/record-visit-method/record-visit-method.controller';
import { RecordVisitMethodHandler } from './commands/record-visit-method/record-visit-method.handler';
import { ScheduleVisitController } from './commands/schedule-visit/schedule-visit.controller';
import { ScheduleVisitHandler } from './commands/schedule-visit/schedule-visit.handler';
import { SignInVisitController } from './commands/sign-in-visit/sign-in-visit.controller';
import { SignInVisitHandler } from './commands/sign-in-visit/sign-in-visit.handler';
import { UploadVisitEvidenceController } from './commands/upload-visit-evidence/upload-visit-evidence.controller';
import { UploadVisitEvidenceHandler } from './commands/upload-visit-evidence/upload-visit-evidence.handler';
import { GetVisitController } from './queries/get-visit/get-visit.controller';
import { EvaluationRepository } from './infrastructure/evaluation.repository';
import { GetConsolidationController } from './queries/get-consolidation/get-consolidation.controller';
import { GetEvaluationController } from './queries/get-evaluation/get-evaluation.controller';
import { GetOpinionController } from './queries/get-opinion/get-opinion.controller';
import { GetScoreSheetsController } from './queries/get-score-sheets/get-score-sheets.controller';

@Module({
  imports: [StandardsModule],
  controllers: [
    RecordCaseFactsMessageController,
    RecordGroupMessageController,
    RecordStageChangeMessageController,
    RecordFindingController,
    FillScoreSheetController,
    SubmitPreliminaryOpinionController,
    SubmitTechnicalOpinionController,
    SubmitComprehensiveOpinionController,
    GetEvaluationController,
    GetScoreSheetsController,
    GetOpinionController,
    GetConsolidationController,
    ScheduleVisitController,
    SignInVisitController,
    RecordVisitMethodController,
    UploadVisitEvidenceController,
    GetVisitController,
  ],
  providers: [
    EvaluationRepository,
    LeaderOpinion,
    RecordCaseFactsHandler,
    RecordGroupHandler,
    RecordStageChangeHandler,
    RecordFindingHandler,
    FillScoreSheetHandler,
    SubmitPreliminaryOpinionHandler,
    SubmitTechnicalOpinionHandler,
    SubmitComprehensiveOpinionHandler,
    ScheduleVisitHandler,
    SignInVisitHandler,
    RecordVisitMethodHandler,
    UploadVisitEvidenceHandler,
  ],
})
export class EvaluationsModule {}
