import { Module } from '@nestjs/common';
import { OpenCaseMessageController } from './commands/open-case/open-case.message-controller';
import { GetCaseController } from './queries/get-case/get-case.controller';

@Module({ controllers: [OpenCaseMessageController, GetCaseController] })
export class CasesModule {}
