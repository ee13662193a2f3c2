import { messagingTablesMigration } from '@filing/messaging';
import { ServiceDatabaseOptions } from '@filing/runtime';
import { StandardVersion } from '../standards/domain/standard.entity';
import { Evaluation } from '../evaluations/domain/evaluation.entity';
import { Finding } from '../evaluations/domain/finding.entity';
import { Opinion } from '../evaluations/domain/opinion.entity';
import { ScoreSheet } from '../evaluations/domain/score-sheet.entity';
import { CreateAssessment1764200000001 } from './migrations/1764200000001-create-assessment.migration';
import { SeedDefaultStandards1764200000002 } from './migrations/1764200000002-seed-default-standards.migration';
import { AuditLog1764900000001 } from './migrations/1764900000001-audit-log.migration';

export const SCHEMA = 'assessment';

export const serviceDatabase: ServiceDatabaseOptions = {
  schema: SCHEMA,
  entities: [StandardVersion, Evaluation, Finding, ScoreSheet, Opinion],
  migrations: [messagingTablesMigration(SCHEMA), CreateAssessment1764200000001, SeedDefaultStandards1764200000002, AuditLog1764900000001],
};
