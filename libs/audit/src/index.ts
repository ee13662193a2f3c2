export * from './audit-chain';
export * from './audit-actor';
export * from './audit-log.migration';
export * from './audit-log.store';
export * from './audit.module';
export * from './audit.options';
export * from './verify-audit.cli-runner';
export * from './verify-audit.controller';
