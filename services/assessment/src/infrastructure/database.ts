import { messagingMigrations } from '@filing/messaging';
import { ServiceDatabaseOptions } from '@filing/runtime';
import { StandardVersion } from '../standards/infrastructure/standard-version.entity';
import { Evaluation } from '../evaluations/infrastructure/evaluation.entity';
import { Finding } from '../evaluations/infrastructure/finding.entity';
import { Opinion } from '../evaluations/infrastructure/opinion.entity';
import { ScoreSheet } from '../evaluations/infrastructure/score-sheet.entity';
import { OnsiteVisit, VisitEvidence, VisitRecord } from '../evaluations/infrastructure/onsite-visit.entity';
import { CreateAssessment1764200000001 } from './migrations/1764200000001-create-assessment.migration';
import { SeedDefaultStandards1764200000002 } from './migrations/1764200000002-seed-default-standards.migration';
import { AuditLog1764900000001 } from './migrations/1764900000001-audit-log.migration';
import { OnsiteVisit1765316000001 } from './migrations/1765316000001-onsite-visit.migration';
import { ComprehensiveRound1767100000001 } from './migrations/1767100000001-comprehensive-round.migration';

export const SCHEMA = 'assessment';

export const serviceDatabase: ServiceDatabaseOptions = {
  schema: SCHEMA,
  entities: [StandardVersion, Evaluation, Finding, ScoreSheet, Opinion, OnsiteVisit, VisitRecord, VisitEvidence],
  migrations: [
    ...messagingMigrations(SCHEMA),
    CreateAssessment1764200000001,
    SeedDefaultStandards1764200000002,
    AuditLog1764900000001,
    OnsiteVisit1765316000001,
    ComprehensiveRound1767100000001,
  ],
};
