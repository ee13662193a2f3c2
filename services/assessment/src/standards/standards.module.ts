import { Module } from '@nestjs/common';
import { LoadStandardController } from './commands/load-standard/load-standard.controller';
import { ListStandardsController } from './queries/list-standards/list-standards.controller';
import { StandardCatalogue } from './standard-catalogue';

@Module({
  controllers: [LoadStandardController, ListStandardsController],
  providers: [StandardCatalogue],
  exports: [StandardCatalogue],
})
export class StandardsModule {}
