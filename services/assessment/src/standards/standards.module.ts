import { Module } from '@nestjs/common';
import { LoadStandardController } from './commands/load-standard/load-standard.controller';
import { LoadStandardHandler } from './commands/load-standard/load-standard.handler';
import { StandardRepository } from './infrastructure/standard.repository';
import { ListPinnedCasesController } from './queries/list-pinned-cases/list-pinned-cases.controller';
import { ListStandardsController } from './queries/list-standards/list-standards.controller';

@Module({
  controllers: [LoadStandardController, ListPinnedCasesController, ListStandardsController],
  providers: [StandardRepository, LoadStandardHandler],
  exports: [StandardRepository],
})
export class StandardsModule {}
