import { Module } from '@nestjs/common';
import { ImportStandardSheetController } from './commands/import-standard-sheet/import-standard-sheet.controller';
import { ImportStandardSheetHandler } from './commands/import-standard-sheet/import-standard-sheet.handler';
import { GetStandardTemplateController } from './queries/get-standard-template/get-standard-template.controller';
import { LoadStandardController } from './commands/load-standard/load-standard.controller';
import { LoadStandardHandler } from './commands/load-standard/load-standard.handler';
import { StandardRepository } from './infrastructure/standard.repository';
import { ListPinnedCasesController } from './queries/list-pinned-cases/list-pinned-cases.controller';
import { ListStandardsController } from './queries/list-standards/list-standards.controller';

@Module({
  controllers: [LoadStandardController, ImportStandardSheetController, GetStandardTemplateController, ListPinnedCasesController, ListStandardsController],
  providers: [StandardRepository, LoadStandardHandler, ImportStandardSheetHandler],
  exports: [StandardRepository],
})
export class StandardsModule {}
